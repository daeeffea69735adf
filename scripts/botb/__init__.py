"""Back on the Bike: the site's guide engine, content checks and MkDocs adapter.

Data flows one way: YAML -> model -> checks -> renderers -> adapter. Nothing under
``botb.guide`` or ``botb.content`` imports MkDocs; only ``botb.adapter`` (the plugin and its
helpers) and ``botb.build`` do. The data the renderers hand to the browser is described in
docs/CONTRACT.md.
"""
