"""Server-rendered pages (Jinja2). One view serves HTML and .json, after datasette:
``/stories/{id}`` and ``/stories/{id}.json``, ``/`` and ``/stories.json``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from crosswire.model import Article, Brief, Story
from crosswire.render.anchors import article_anchor, cited_sentence, sentence_anchor
from crosswire.render.view import brief_paragraphs, build_view, source_line
from crosswire.serve.api import articles_of_request, list_payload, run_blocking, service_of, story_response
from crosswire.serve.guard import ApiError, check_same_site, check_token
from crosswire.serve.svg import coverage_svg, timeline_svg

router = APIRouter(include_in_schema=False)
# Autoescape on for every template: all article text is escaped.
templates = Jinja2Templates(
    env=Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
)
VISIT_COOKIE = "cw_seen_"


@dataclass(frozen=True)
class ListFilters:
    """The story list's query parameters (shared by the HTML and the .json view)."""

    q: str = Query("", max_length=500)
    since: str = Query("", max_length=40)
    until: str = Query("", max_length=40)
    outlet: str = Query("", max_length=200)
    page: int = Query(1, ge=1, le=100_000)

    def payload(self, request: Request) -> dict[str, Any]:
        return list_payload(service_of(request), self.q, self.since, self.until, self.outlet, self.page, 20)


@router.get("/", response_class=HTMLResponse)
@router.get("/stories", response_class=HTMLResponse)
def story_list(request: Request, filters: Annotated[ListFilters, Depends()]) -> Response:
    shown = {"q": filters.q, "since": filters.since, "until": filters.until, "outlet": filters.outlet}
    return templates.TemplateResponse(
        request, "list.html", {**filters.payload(request), "filters": shown, "needs_token": _needs_token(request)}
    )


@router.get("/stories.json")
def story_list_json(request: Request, filters: Annotated[ListFilters, Depends()]) -> dict[str, Any]:
    return filters.payload(request)


@router.get("/stories/{story_id}.json")
def story_json(request: Request, story_id: str) -> JSONResponse:
    return story_response(service_of(request), story_id, None)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> Response:
    service = service_of(request)
    headline, stored = service.brief_of(story_id)
    if headline is None:
        raise ApiError(404, f"no story {story_id!r}")
    context: dict[str, Any] = {"story_id": story_id, "headline": headline, "pending": stored is None}
    news = whats_new(request, story_id) if stored is not None else None
    if stored is not None and news is None:  # the same page for every reader of this version: rendered once
        page = service.cached("html", stored, lambda brief: _render_story(brief, context, stored.version))
        response: Response = HTMLResponse(page)
    else:
        if stored is not None:
            context.update(service.cached("page", stored, story_context), version=stored.version, whats_new=news)
        response = templates.TemplateResponse(request, "story.html", context)
    now = datetime.now(UTC).isoformat()
    response.set_cookie(VISIT_COOKIE + story_id, now, max_age=365 * 86400, httponly=True, samesite="lax")
    return response


@router.get("/add", response_class=HTMLResponse)
def add_form(request: Request) -> Response:
    return templates.TemplateResponse(request, "add.html", {"needs_token": _needs_token(request)})


@router.post("/add")
async def add_submit(request: Request) -> Response:
    """The upload form and paste box post here; the reply redirects to the story joined."""
    service = service_of(request)
    check_same_site(request)
    if service.settings.token is not None:
        form = await request.form()
        token = form.get("token")
        if not isinstance(token, str) or token != service.settings.token:
            check_token(request, service.settings.token)
    articles, messages = await articles_of_request(service, request)
    result = await run_blocking(service.add, articles, messages)
    if not result["stories"]:
        raise ApiError(422, "no story was made from that input")
    return RedirectResponse(f"/stories/{result['stories'][0]}", status_code=303)


def _render_story(brief: Brief, context: dict[str, Any], version: int) -> str:
    full = {**context, **story_context(brief), "version": version, "whats_new": None}
    return templates.get_template("story.html").render(full)


def _needs_token(request: Request) -> bool:
    return service_of(request).settings.token is not None


def whats_new(request: Request, story_id: str) -> dict[str, Any] | None:
    """The update brief since this browser last saw the story (a cookie), if anything is new."""
    last = request.cookies.get(VISIT_COOKIE + story_id)
    if not last:
        return None
    try:
        moment = datetime.fromisoformat(last)
    except ValueError:
        return None
    service = service_of(request)
    if not service.new_since(story_id, moment):  # the common case, and cheap
        return None
    brief, new = service.update_brief(story_id, moment)
    if not new:
        return None
    view = build_view(brief)
    return {"since": moment.strftime("%Y-%m-%d %H:%M UTC"), "new": len(new),
            "sentences": [{"text": s.text, "cites": [view.marker(c) for c in s.citations]} for s in brief.sentences]}


def story_context(brief: Brief) -> dict[str, Any]:
    """What the story page shows, built once from the stored brief."""
    story = brief.story
    view = build_view(brief)
    paragraphs = [
        [{"text": s.text, "cites": [_cite(story, view.marker(a), s, a) for a in s.citations],
          "corroborated": len(s.support or s.citations) >= 2} for s in group]
        for group in brief_paragraphs(brief)
    ]
    sections = [
        {"key": section.key, "title": section.title, "note": section.note,
         "items": [{"text": i.text, "flag": i.flag, "details": i.details,
                    "cites": [{"marker": view.marker(c), "href": "#" + article_anchor(story, c)} for c in i.citations]}
                   for i in section.items]}
        for section in view.sections
    ]
    return {
        "brief": brief,
        "paragraphs": paragraphs,
        "sections": sections,
        "developments": story.developments if len(story.developments) > 1 else (),
        "articles": [_article(story, view.numbers[a.id], a) for a in story.articles],
        "timeline_svg": Markup(timeline_svg(brief)),  # built with every text escaped (svg.py)
        "coverage_svg": Markup(coverage_svg(brief)),
        "warnings": brief.warnings,
        "outlets": len({a.outlet or a.url or a.id for a in story.articles}),
    }


def _cite(story: Story, marker: str, sentence: Any, article_id: str) -> dict[str, str]:
    target = cited_sentence(story, sentence, article_id)
    anchor = sentence_anchor(story, target) if target else article_anchor(story, article_id)
    return {"marker": marker, "href": "#" + anchor, "article": article_id}


def _article(story: Story, number: int, article: Article) -> dict[str, Any]:
    """The cleaned text as paragraphs of pieces, each sentence a piece with its anchor."""
    text = article.text
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    for sentence in story.sentences_of(article.id):
        if sentence.start > cursor:
            pieces.append((text[cursor : sentence.start], None))
        pieces.append((sentence.text, sentence_anchor(story, sentence)))
        cursor = sentence.end
    if cursor < len(text):
        pieces.append((text[cursor:], None))
    paragraphs: list[list[tuple[str, str | None]]] = [[]]
    for piece, anchor in pieces:
        if anchor is None and "\n" in piece:
            first, *rest = piece.split("\n")
            paragraphs[-1].append((first, None))
            for part in rest:
                paragraphs.append([(part, None)] if part else [])
        else:
            paragraphs[-1].append((piece, anchor))
    return {
        "anchor": article_anchor(story, article.id),
        "number": number,
        "title": article.title or "(untitled)",
        "line": source_line(article),
        "url": article.url if article.url and article.url.startswith(("http://", "https://")) else None,
        "paragraphs": [p for p in paragraphs if any(t.strip() for t, _ in p)],
        "removed": article.removed,
    }
