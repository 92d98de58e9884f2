"""Each platform's documented payload maps to the right achievement fields (pure functions)."""

import copy
from datetime import date

import pytest

from resumes.integrations.platforms import PayloadError, generic, github, openbadges
from resumes.integrations.signatures import sign, verify

from .helpers import fixture


def test_github_release_published_becomes_a_project_highlight_with_language_and_topics():
    payload = fixture("github_release_published")
    event = github.event_type({"X-GitHub-Event": "release"}, payload)
    assert event == "release.published" and github.is_handled(event)
    change = github.to_change(event, payload)
    assert change.external_id == "github:repo:186853002"
    assert change.merge is True
    assert change.fields["type"] == "project"
    assert change.fields["title"] == "Hello-World"
    assert change.fields["url"] == "https://github.com/Codertocat/Hello-World"
    assert change.fields["start_date"] == date(2019, 5, 15)
    assert change.fields["skills"] == ["Python", "django", "postgres"]
    assert change.fields["highlights"] == ["Released 0.0.1 “First light” on 2019-05-15"]


def test_github_ping_is_handled_and_writes_nothing():
    event = github.event_type({"X-GitHub-Event": "ping"}, fixture("github_ping"))
    assert event == "ping" and github.is_handled(event)
    assert github.to_change(event, fixture("github_ping")) is None


@pytest.mark.parametrize("action", ["created", "edited", "deleted", "prereleased"])
def test_github_other_release_actions_and_events_are_not_handled(action):
    payload = dict(fixture("github_release_published"), action=action)
    assert not github.is_handled(github.event_type({"X-GitHub-Event": "release"}, payload))
    assert not github.is_handled(github.event_type({"X-GitHub-Event": "push"}, {"ref": "x"}))


def test_github_release_without_repository_is_a_payload_error():
    payload = fixture("github_release_published")
    del payload["repository"]
    with pytest.raises(PayloadError, match="repository"):
        github.to_change("release.published", payload)


def test_openbadges_assertion_becomes_a_certification():
    payload = fixture("openbadges_assertion")
    event = openbadges.event_type({}, payload)
    assert event == "Assertion" and openbadges.is_handled(event)
    change = openbadges.to_change(event, payload)
    assert change.external_id == "openbadges:https://example.org/beths-robotics-badge.json"
    assert change.merge is False
    assert change.fields == {
        "type": "certification",
        "title": "Awesome Robotics Badge",
        "organization": "Škola robotiky Brno",
        "description": "For doing awesome things with robots that people think is pretty great.",
        "start_date": date(2016, 12, 31),
        "end_date": date(2026, 12, 31),
        "skills": ["robots", "Python", "Robotics"],
        "url": "https://example.org/beths-robot-work.html",
    }


def test_openbadges_revoked_and_linked_badges():
    payload = fixture("openbadges_assertion")
    assert not openbadges.is_handled(openbadges.event_type({}, dict(payload, revoked=True)))
    assert openbadges.event_type({}, {"type": "BadgeClass"}) == "BadgeClass"
    linked = dict(payload, badge="https://example.org/robotics-badge.json")
    with pytest.raises(PayloadError, match="embed"):
        openbadges.to_change("Assertion", linked)
    bad_date = dict(payload, issuedOn="last tuesday")
    with pytest.raises(PayloadError, match="issuedOn"):
        openbadges.to_change("Assertion", bad_date)


def test_generic_upsert_passes_the_achievement_fields_through():
    payload = fixture("generic_upsert")
    event = generic.event_type({}, payload)
    assert event == "achievement.upsert" and generic.is_handled(event)
    change = generic.to_change(event, payload)
    assert change.external_id == "course-4711"
    assert change.fields == payload["achievement"]
    assert generic.to_change("ping", {"event": "ping"}) is None
    assert not generic.is_handled(generic.event_type({}, {"event": "achievement.teleport"}))


def test_generic_rejects_unknown_fields_and_missing_external_id():
    payload = fixture("generic_upsert")
    with_unknown = copy.deepcopy(payload)
    with_unknown["achievement"]["is_verified"] = True
    with pytest.raises(PayloadError, match="is_verified"):
        generic.to_change("achievement.upsert", with_unknown)
    with pytest.raises(PayloadError, match="external_id"):
        generic.to_change("achievement.upsert", {"event": "achievement.upsert", "achievement": {}})


def test_every_sample_event_maps_cleanly():
    for platform in (generic, github, openbadges):
        headers, payload = platform.sample_event()
        event = platform.event_type(headers, payload)
        assert platform.is_handled(event)
        platform.to_change(event, payload)


def test_signature_is_hmac_sha256_of_the_raw_body():
    # Known vector: printf 'hello' | openssl dgst -sha256 -hmac 'key'
    expected = "sha256=9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b"
    assert sign("key", b"hello") == expected
    assert verify("key", b"hello", expected)
    assert verify("key", b"hello", expected.upper().replace("SHA256", "sha256"))
    assert not verify("key", b"hello!", expected)
    assert not verify("other", b"hello", expected)
    assert not verify("key", b"hello", None)
    assert not verify("key", b"hello", "sha256=")
    assert not verify("key", b"hello", "sha256=ü")
