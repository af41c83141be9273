"""Stage: find, track and name the stories in a stream of articles.

``StoryTracker`` assigns articles online (``partial_fit``) through a
candidate index and a learned join model; ``assemble_stories`` keeps input
that arrived grouped; ``find_developments`` splits a story into its dated
developments.
"""

from crosswire.stories.assemble import assemble_stories, build_stories, pick_headline
from crosswire.stories.developments import find_developments
from crosswire.stories.ids import article_key, with_stable_ids
from crosswire.stories.tracker import StoryTracker

__all__ = [
    "StoryTracker",
    "article_key",
    "assemble_stories",
    "build_stories",
    "find_developments",
    "pick_headline",
    "with_stable_ids",
]
