"""Verdicts -> schema.org ClaimReview JSON-LD, the markup fact-checkers publish (one ClaimReview per verdict)."""
from __future__ import annotations

import json
from typing import Any

RATING_VALUES = {"false": 1, "misleading": 2, "unsupported": 3, "accurate": 5}  # on a scale of 1 (false) to 5
RATING_NAMES = {"false": "False", "misleading": "Misleading", "unsupported": "Unsupported", "accurate": "Accurate"}


def claim_reviews(doc: dict[str, Any], metadata: dict[str, Any], review_url: str) -> list[dict[str, Any]]:
    """One ClaimReview per verdict of a report: the claim reviewed (the disputing source's words, or the fact's
    claim), the item reviewed (a Claim by the source's outlet, published on its date, in its headline, from
    sources.yaml), the rating (alternateName the verdict), and the review's url: `review_url#<fact>-<line>`."""
    return [claim_review(verdict, metadata, review_url) for verdict in doc.get("verdicts", ())]


def claim_review(verdict: dict[str, Any], metadata: dict[str, Any], review_url: str) -> dict[str, Any]:
    info = metadata.get(verdict["source"]) if verdict["source"] else None
    raw = getattr(info, "raw", None) or {}
    claim: dict[str, Any] = {"@type": "Claim"}
    if raw.get("outlet"):
        claim["author"] = {"@type": "Organization", "name": str(raw["outlet"])}
    if raw.get("published"):
        claim["datePublished"] = str(raw["published"])
    if raw.get("title"):
        claim["appearance"] = {"@type": "CreativeWork", "headline": str(raw["title"])}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{review_url}#{verdict['fact']}-{verdict['line']}",
        "claimReviewed": verdict["claim_reviewed"],
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES[verdict["rating"]],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": RATING_NAMES[verdict["rating"]],
        },
    }
    if verdict.get("note"):
        review["reviewBody"] = verdict["note"]
    return review


def dumps(reviews: list[dict[str, Any]]) -> str:
    """The JSON-LD text: the same verdicts give the same bytes."""
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"
