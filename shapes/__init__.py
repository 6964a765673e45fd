"""The SHACL shapes the dataset is validated against, one file per concern, installed as package
resources (``zangraph.resources``)."""
