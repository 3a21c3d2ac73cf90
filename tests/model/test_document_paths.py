"""A source's document is a path to a file inside the claim file's folder: never the folder itself."""

from __future__ import annotations

import pytest

from factlog import FormatError, loads


def _source_set(document: str) -> str:
    return (
        '{"format":"factlog","version":1,"entities":[{"id":"p","name":"P","kind":"media-outlet"}],'
        f'"sources":[{{"id":"s1","title":"T","publisher":"p","document":"{document}"}}]}}'
    )


@pytest.mark.parametrize("document", [".", "./", "sub/.", "sub/", "sub/./"])
def test_a_document_naming_a_folder_is_refused_at_reading(document: str) -> None:
    """'.', './', 'sub/.': a folder, which no check can read nor snapshot write; refused with its JSON path."""
    with pytest.raises(FormatError, match=r"\$\.sources\[0\]\.document: expected a relative path to a file"):
        loads(_source_set(document))


@pytest.mark.parametrize("document", ["a.txt", "./a.txt", "sub/a.txt", "sub/./a.txt", ".hidden"])
def test_a_document_naming_a_file_is_read(document: str) -> None:
    """A relative path whose last part names a file is taken as written."""
    assert loads(_source_set(document)).sources[0].document == document
