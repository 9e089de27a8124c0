"""Every message the tool prints about an input, in Chinese and English: one catalogue.

Keys are stable codes (tests and the JSON report use them); placeholders are
filled from the finding's parameters. Each wing keeps its messages in its own
module here, so a rule's messages stand together and a new wing adds a module.
"""

from noticeboard.messages import across, checks, clerk, cli, kinds, poster, run, site, sources

_WINGS = (sources, kinds, checks, across, poster, run, clerk, site, cli)


def _catalogue() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for wing in _WINGS:
        twice = merged.keys() & wing.MESSAGES.keys()
        if twice:  # one code, one meaning: a wing may not redefine another's message
            raise ImportError(f"message codes defined twice: {sorted(twice)}")
        merged.update(wing.MESSAGES)
    return merged


MESSAGES: dict[str, tuple[str, str]] = _catalogue()
