"""The online board: a static site of every village's disclosures (issue 28)."""
