"""Reading: the files, their located values and the meeting format."""
