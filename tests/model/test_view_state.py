from timeline_app.model import Selection, TimeRange, ViewState

from .helpers import small_chronology


class Recorder:
    def __init__(self) -> None:
        self.calls: list[object] = []

    def __call__(self, *args: object) -> None:
        self.calls.append(args[0] if len(args) == 1 else args)


def test_range_emits_only_on_real_change() -> None:
    state = ViewState(small_chronology())
    rec = Recorder()
    state.range_changed.connect(rec)
    assert state.set_range(0.0, 100.0)
    assert not state.set_range(0.0, 100.0)
    assert not state.set_range(0.0, 100.0 + 1e-12)
    assert rec.calls == [TimeRange(0.0, 100.0)]


def test_invalid_ranges_are_refused_and_extremes_clamped() -> None:
    state = ViewState(small_chronology())
    before = state.range
    assert not state.set_range(10.0, 10.0)
    assert not state.set_range(float("nan"), 1.0)
    assert state.range == before
    state.set_range(100.0, 100.0 + 1e-6)
    assert state.range.span > 1e-6  # clamped to the closest zoom


def test_selection_and_unknown_ids() -> None:
    state = ViewState(small_chronology())
    rec = Recorder()
    state.selection_changed.connect(rec)
    assert state.select_event("xiongan")
    assert not state.select_event("xiongan")
    assert not state.select_event("nope")
    assert state.select_point("pm25-beijing", 1)
    assert not state.select_point("pm25-beijing", 5)
    assert rec.calls == [Selection.event("xiongan"), Selection.point("pm25-beijing", 1)]


def test_hiding_the_selected_lane_clears_the_selection() -> None:
    state = ViewState(small_chronology())
    state.select_event("olympics")
    assert state.toggle_lane("eco")
    assert state.hidden_lanes == {"eco"}
    assert state.selection is None
    assert not state.toggle_lane("no-such-lane")


def test_history_back_and_forward_restore_selection_and_range() -> None:
    state = ViewState(small_chronology())
    start_range = state.range
    state.select_event("symposium")
    state.set_range(16000.0, 16500.0)
    state.select_event("xiongan")
    assert state.go_back()
    assert state.selected_event_id == "symposium"
    assert state.range == TimeRange(16000.0, 16500.0)
    assert state.go_back()
    assert state.selection is None
    assert state.range == start_range
    assert not state.go_back()
    assert state.go_forward()
    assert state.selected_event_id == "symposium"
    assert state.go_forward()
    assert state.selected_event_id == "xiongan"
    assert not state.go_forward()


def test_new_chronology_keeps_selection_when_it_still_exists() -> None:
    c = small_chronology()
    state = ViewState(c)
    state.select_event("olympics")
    state.toggle_lane("plan")
    state.set_chronology(c)
    assert state.selected_event_id == "olympics"
    assert state.hidden_lanes == {"plan"}


def test_time_range_maths() -> None:
    r = TimeRange(0.0, 100.0)
    z = r.zoomed(0.5, anchor=25.0)
    assert (z.start, z.end) == (12.5, 62.5)
    assert r.panned(0.1) == TimeRange(10.0, 110.0)
    assert r.centered_on(500.0) == TimeRange(450.0, 550.0)


def test_signal_drops_dead_bound_methods() -> None:
    state = ViewState(small_chronology())

    class View:
        def __init__(self) -> None:
            self.n = 0

        def on_range(self, _r: TimeRange) -> None:
            self.n += 1

    v = View()
    state.range_changed.connect(v.on_range)
    state.set_range(0.0, 10.0)
    assert v.n == 1
    del v
    state.set_range(0.0, 20.0)
    assert len(state.range_changed) == 0


def test_view_jumps_are_history_steps() -> None:
    state = ViewState(small_chronology())
    state.select_event("symposium")
    state.set_range(16000.0, 16500.0)
    assert state.jump_to(TimeRange(16100.0, 16200.0))  # F: focus
    state.fit_all()  # 0: everything
    assert state.go_back()
    assert state.range == TimeRange(16100.0, 16200.0)
    assert state.go_back()
    assert state.range == TimeRange(16000.0, 16500.0)  # the view as it was left, panned
    assert state.selected_event_id == "symposium"
    assert state.go_forward() and state.go_forward()
    assert not state.go_forward()


def test_another_chronology_forgets_the_history_and_never_shows_a_dangling_selection() -> None:
    state = ViewState(small_chronology())
    state.select_event("symposium")
    state.set_range(16000.0, 16500.0)
    state.select_event("xiongan")
    seen: list[object] = []
    state.chronology_changed.connect(lambda c: seen.append(("chronology", state.selection)))
    state.selection_changed.connect(lambda sel: seen.append(("selection", sel)))
    other = small_chronology()
    other = type(other).build(title="Other", events=other.events[:2], categories=other.categories)
    state.set_chronology(other, fit=True)
    # when views hear of the new chronology, the selection is already settled
    assert seen == [("chronology", None), ("selection", None)]
    assert not state.go_back()
