"""Knowledge-base content: front matter, bibliography, references, approach table."""
