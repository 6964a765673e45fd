"""The pages for people: HTML rendered on the server from Jinja2 templates (api/pages/templates), each also
answering as JSON, Turtle or CSV by ``_format`` or Accept. Only the SPARQL editor runs script."""

from fastapi import APIRouter

from zangraph.api.pages import acts, parts, positions, views

router = APIRouter(include_in_schema=False)
for module in (views, positions, acts, parts):
    router.include_router(module.router)

__all__ = ["router"]
