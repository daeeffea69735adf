"""The thin MkDocs adapter: the only package that imports MkDocs.

``plugin`` wires MkDocs events to three modules, one job each: ``guide_files`` (compile the
guide and add its generated pages), ``content_pages`` (front matter checks, references,
approach tables) and ``security`` (Content-Security-Policy and referrer policy per page).
"""
