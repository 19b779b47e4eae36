"""Which copy of an annotation is kept when two meet (an import, a store merge)."""

from __future__ import annotations

import dataclasses

from reader.reconcile import CONFLICT_TAG, MARKER, Outcome, reconcile
from reader.records import AnnotationRecord

T0, T1, T2, T3 = (f"2026-0{month}-01T00:00:00+00:00" for month in (1, 2, 3, 4))


def note(text: str = "first", updated: str = T0, synced: str = "", **fields: object):
    return AnnotationRecord(
        article_id="a",
        exact="quote",
        start=0,
        end=5,
        id="n1",
        note=text,
        created=T0,
        updated=updated,
        synced=synced,
        **fields,  # type: ignore[arg-type]
    )


def test_new_is_added_remembering_the_version_taken_in():
    decision = reconcile(None, note(updated=T1), "f.json")
    assert decision.outcome is Outcome.ADDED
    assert decision.record is not None and decision.record.synced == T1


def test_deleted_here_stays_deleted_unless_changed_there_since():
    assert reconcile(None, note(updated=T1), "f", deleted=T2).outcome is Outcome.SKIPPED
    back = reconcile(None, note(updated=T3), "f", deleted=T2)
    assert back.outcome is Outcome.ADDED and "changed there since" in back.reason


def test_same_version_or_same_words_change_nothing():
    ours = note(synced=T0)
    assert reconcile(ours, note(), "f").outcome is Outcome.UNCHANGED
    # Only the selectors differ (re-anchored on one side, which is no edit): unchanged.
    moved = dataclasses.replace(note(), exact="quote!", start=10, end=16)
    assert reconcile(ours, moved, "f").outcome is Outcome.UNCHANGED


def test_their_edit_of_the_version_we_took_in_is_taken():
    ours = note("first", updated=T1, synced=T1)  # taken in from them, not edited since
    decision = reconcile(ours, note("second", updated=T2), "f")
    assert decision.outcome is Outcome.UPDATED
    assert decision.record is not None
    assert (decision.record.note, decision.record.synced) == ("second", T2)


def test_their_edit_built_on_our_version_is_taken():
    ours = note("mine", updated=T1)  # never synced: ours is the original
    theirs = note("mine, improved", updated=T2, synced=T1)
    decision = reconcile(ours, theirs, "f")
    assert decision.outcome is Outcome.UPDATED
    assert decision.record is not None and decision.record.note == "mine, improved"


def test_an_older_copy_than_the_one_taken_in_is_skipped():
    ours = note("second", updated=T2, synced=T2)
    assert reconcile(ours, note("first", updated=T1), "f").outcome is Outcome.SKIPPED


def test_both_changed_since_they_met_is_a_conflict_keeping_both():
    ours = note("mine", updated=T3, synced=T1, tags=["a"], color="yellow")
    theirs = note("theirs", updated=T2, synced="", tags=["b"], color="green")
    decision = reconcile(ours, theirs, "laptop.json")
    assert decision.outcome is Outcome.CONFLICT
    merged = decision.record
    assert merged is not None
    assert merged.note.startswith("mine\n\n" + MARKER + ", from laptop.json")
    assert "(green; tags: b)" in merged.note and merged.note.endswith("---\ntheirs")
    assert merged.tags == ["a", "b", CONFLICT_TAG] and merged.color == "yellow"
    # The version taken in is theirs: the same file again is older than that.
    assert merged.synced == T2
    assert reconcile(merged, theirs, "laptop.json").outcome is Outcome.SKIPPED


def test_without_a_shared_version_the_later_wins_unless_words_would_be_lost():
    ours = note("draft", updated=T1)
    assert reconcile(ours, note("draft, finished", updated=T2), "f").outcome is Outcome.UPDATED
    assert reconcile(ours, note("rewritten", updated=T2), "f").outcome is Outcome.CONFLICT
    assert reconcile(note("draft, finished", updated=T2), ours, "f").outcome is Outcome.SKIPPED


def test_same_time_different_words_is_a_conflict():
    decision = reconcile(note("one", updated=T1), note("two", updated=T1), "f")
    assert decision.outcome is Outcome.CONFLICT


def test_the_later_review_time_is_kept_whatever_else():
    ours = note(updated=T1, synced=T1, reviewed=T1)
    decision = reconcile(ours, note(updated=T1, reviewed=T3), "f")
    assert decision.outcome is Outcome.UPDATED
    assert decision.record is not None and decision.record.reviewed == T3
    older = reconcile(note(updated=T1, synced=T1, reviewed=T3), note(updated=T1, reviewed=T2), "f")
    assert older.outcome is Outcome.UNCHANGED
