"""The JSON API under /api (documented at /docs)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel

from crosswire.render.json import story_record
from crosswire.serve.guard import ApiError, check_token
from crosswire.serve.service import Service, parse_time
from crosswire.store.search import StoryQuery, search_stories

router = APIRouter(prefix="/api")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for code, text in ((400, "Bad input"), (401, "Token missing or wrong"), (404, "No such story"),
                       (413, "Over the size cap"), (415, "Unsupported content type"), (422, "Invalid request"))
}
MAX_PAGE_SIZE = 100


class ArticleIn(BaseModel):
    """The JSONL reader's fields; only ``text`` is required (or ``url`` alone, to fetch the page)."""

    text: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


ARTICLES_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "array", "minItems": 1,
                                            "items": {"$ref": "#/components/schemas/ArticleIn"}}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "text": {"type": "string", "description": "Pasted article text"},
                        "url": {"type": "string", "description": "A page to fetch"},
                    },
                }
            },
        },
    }
}


def service_of(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


async def articles_of_request(service: Service, request: Request) -> tuple[list[Any], list[str]]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            items = await request.json()
        except ValueError:
            raise ApiError(400, "the body is not valid JSON") from None
        return await run_blocking(service.articles_from_json, items)
    if kind == "multipart/form-data":
        form = await request.form()
        files = [(f.filename or "upload", await f.read()) for f in form.getlist("files") if not isinstance(f, str)]
        articles, messages = await run_blocking(service.articles_from_files, files)
        text = form.get("text")
        if isinstance(text, str) and text.strip():
            pasted, said = await run_blocking(service.articles_from_files, [("pasted text", text.encode())])
            articles, messages = articles + pasted, messages + said
        url = form.get("url")
        if isinstance(url, str) and url.strip():
            articles += await run_blocking(service.articles_from_url, url.strip())
        return articles, messages
    raise ApiError(415, f"send application/json or multipart/form-data, not {kind or 'no content type'}")


async def run_blocking(function: Any, *args: Any) -> Any:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(function, *args)


@router.post("/articles", openapi_extra=ARTICLES_BODY, responses=ERRORS, summary="Add articles")
async def post_articles(request: Request) -> dict[str, Any]:
    """Add articles (a JSON array, or uploaded files and pasted text); returns their ids and stories."""
    service = service_of(request)
    check_token(request, service.settings.token)
    articles, messages = await articles_of_request(service, request)
    result: dict[str, Any] = await run_blocking(service.add, articles, messages)
    return result


@router.get("/stories", responses=ERRORS, summary="List and search stories")
def get_stories(
    request: Request,
    q: str = Query("", max_length=500, description="Words every matching story holds (articles or brief)"),
    since: str | None = Query(None, max_length=40, description="Articles published on or after (ISO date)"),
    until: str | None = Query(None, max_length=40, description="Articles published on or before (ISO date)"),
    outlet: str | None = Query(None, max_length=200, description="Only stories this outlet covers"),
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(20, ge=1, le=MAX_PAGE_SIZE),
) -> dict[str, Any]:
    return list_payload(service_of(request), q, since, until, outlet, page, per_page)


def list_payload(
    service: Service, q: str, since: str | None, until: str | None, outlet: str | None, page: int, per_page: int
) -> dict[str, Any]:
    query = StoryQuery(text=q, since=since or None, until=until or None, outlet=outlet or None,
                       limit=per_page, offset=(page - 1) * per_page)
    with service.store() as store:
        stories, total = search_stories(store, query)
    return {"stories": stories, "total": total, "page": page, "per_page": per_page}


@router.get("/stories/{story_id}.md", response_class=PlainTextResponse, responses=ERRORS, summary="Story as Markdown")
def get_story_markdown(request: Request, story_id: str) -> PlainTextResponse:
    text = service_of(request).markdown(story_id)
    if text is None:
        return PlainTextResponse("The brief of this story is being made; try again shortly.\n", status_code=202)
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")


@router.get("/stories/{story_id}", responses=ERRORS, summary="Story JSON, or an update brief with ?since")
def get_story(
    request: Request,
    story_id: str,
    since: str | None = Query(None, max_length=40, description="Only what articles added after this time say"),
) -> JSONResponse:
    return story_response(service_of(request), story_id, since)


def story_response(service: Service, story_id: str, since: str | None) -> JSONResponse:
    if since is not None:
        moment = parse_time(since)
        brief, new = service.update_brief(story_id, moment)
        update = {**story_record(brief), "since": moment.isoformat(), "new_articles": new}
        return JSONResponse(update)
    record, version = service.record(story_id)
    if record is None:
        return JSONResponse({"id": story_id, "status": "pending"}, status_code=202, headers={"retry-after": "2"})
    return JSONResponse(record, headers={"x-crosswire-story-version": str(version)})
