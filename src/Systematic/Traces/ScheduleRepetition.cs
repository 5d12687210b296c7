namespace Lab.Systematic.Traces;

/// <summary>
/// Finds the part of a liveness witness that goes round in circles: the shortest period p such that the schedule's
/// tail repeats itself every p steps (same thread, same operation, same line; values may differ) for at least two
/// full rounds and <see cref="MinimumLength"/> steps, preferring the period that explains the longest tail.
/// </summary>
internal static class ScheduleRepetition
{
    /// <summary>A tail shorter than this is not worth marking: two equal steps in a row are no livelock.</summary>
    public const int MinimumLength = 6;

    /// <summary>The repeating tail of <paramref name="steps"/>, or null when none repeats twice.</summary>
    public static RepeatingSpan? Find(IReadOnlyList<StepRecord> steps)
    {
        int n = steps.Count;
        var ids = new Dictionary<string, int>();
        int[] keys = steps.Select(s => ids.TryGetValue(Key(s), out int id) ? id : ids[Key(s)] = ids.Count).ToArray();
        int bestPeriod = 0, bestRun = 0;
        for (int period = 1; period <= n / 2; period++)
        {
            int run = 0;
            while (run < n - period && keys[n - 1 - run] == keys[n - 1 - run - period]) run++;
            if (run >= period && run + period >= MinimumLength && run > bestRun)
            {
                bestPeriod = period;
                bestRun = run;
            }
        }
        if (bestPeriod == 0) return null;
        int length = bestRun + bestPeriod;
        int repetitions = length / bestPeriod;
        return new RepeatingSpan(n - repetitions * bestPeriod, bestPeriod, repetitions);
    }

    private static string Key(StepRecord step)
    {
        string text = step.Describe();
        int equals = text.IndexOf(" = ", StringComparison.Ordinal);
        return $"{step.Operation}|{(equals >= 0 ? text[..equals] : text)}|{step.Location}";
    }
}
