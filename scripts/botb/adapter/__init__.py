"""The thin MkDocs adapter: the only package that imports MkDocs.

``plugin`` wires MkDocs events to four modules, one job each: ``guide_files`` (compile the
guide and add its generated pages), ``content_pages`` (front matter checks, references,
approach tables), ``security`` (Content-Security-Policy and referrer policy per page) and
``shared_nav`` (navigation HTML rendered once and reused by the pages it fits).
"""
