"""The HTTP service: SPARQL 1.1 Protocol endpoint, point-in-time REST API, IRI dereferencing, HTML pages
(the application is ``zangraph.api.app.create_app``).

It only calls the library (``zangraph.service``, ``zangraph.store``); the library never imports FastAPI. This
package imports nothing itself: the `zangraph` command, whose entry point is in it, starts without loading the
web framework.
"""
