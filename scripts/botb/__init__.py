"""Back on the Bike: the site's guide engine, content checks and MkDocs adapter.

Data flows one way: YAML -> model -> checks -> renderers -> adapter. Nothing under
``botb.guide`` or ``botb.content`` imports MkDocs; only ``botb.mkdocs_plugin`` does.
"""
