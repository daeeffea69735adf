"""The decision-guide engine: YAML -> model -> checks -> renderers. Never imports MkDocs.

Modules, one job each: ``fields`` (the one declaration of the YAML format), ``schema`` (JSON
Schema from that declaration), ``loader`` (YAML files -> model, structural validation),
``checks`` (graph and safety rules), ``paths`` (path counting, path book, statistics),
``render_pages``, ``render_json``, ``diagram`` (SVG map) and ``compile`` (all of it in one
pure call). Editor text is escaped by ``botb.escape``, shared with the content pages.
"""
