"""factlog: who says what about the world, through whom, and how firmly."""
