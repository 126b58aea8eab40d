/* tml_pl_alarm.c: AlarmHysteresis on per-window verdicts (over = score > threshold): `run` counts
   consecutive windows that argue for leaving the current state (a window of the other kind resets
   it); while clear, the raise_after-th raises the alarm, while raised the clear_after-th clears it. */
#include "tml_pl.h"

/* Feeds one verdict; returns TML_PL_RAISED, TML_PL_CLEARED or TML_PL_NO_TRANSITION. */
TML_PL_API int tml_pl_alarm_update(tml_pl_alarm *a, int over)
{
    if ((over != 0) != (a->active != 0)) a->run += 1;
    else a->run = 0;
    if (!a->active && a->run >= a->raise_after) {
        a->active = 1;
        a->raised_count += 1;
        a->run = 0;
        return TML_PL_RAISED;
    }
    if (a->active && a->run >= a->clear_after) {
        a->active = 0;
        a->run = 0;
        return TML_PL_CLEARED;
    }
    return TML_PL_NO_TRANSITION;
}
