namespace Lab.Systematic.Traces;

/// <summary>
/// What the HTML timeline draws, worked out from a trace in C# (where it can be unit-tested) and handed to the page's
/// script as JSON: labelled steps, lock holds and waits, the bug's marks, and the source lines each step points at.
/// </summary>
internal sealed record TimelineModel
{
    /// <summary>The explored test's name.</summary>
    public required string Title { get; init; }

    /// <summary>One line about the run: strategy, seed, iteration, steps, preemptions.</summary>
    public required string Summary { get; init; }

    /// <summary>The bug's kind, or null for a clean schedule.</summary>
    public string? BugKind { get; init; }

    /// <summary>The bug's message, as the engine reported it.</summary>
    public string? BugMessage { get; init; }

    /// <summary>One lane per operation, in creation order.</summary>
    public required IReadOnlyList<TimelineLane> Lanes { get; init; }

    /// <summary>Every visible step, in schedule order.</summary>
    public required IReadOnlyList<TimelineStep> Steps { get; init; }

    /// <summary>Lock holds and waits, each with the resource's name.</summary>
    public required IReadOnlyList<TimelineBar> Bars { get; init; }

    /// <summary>For a deadlock: who waits for whom, as arrows from each waiter to the holder.</summary>
    public required IReadOnlyList<WaitForEdge> WaitFor { get; init; }

    /// <summary>For a data race: the two unordered accesses.</summary>
    public RaceLink? Race { get; init; }

    /// <summary>For a liveness bug: the part of the schedule that repeats.</summary>
    public RepeatingSpan? Repeating { get; init; }

    /// <summary>The steps to show on opening the page (the failing part), as step indexes from 0.</summary>
    public required StepRange Focus { get; init; }

    /// <summary>Source lines by location key ("File.cs:12"), read when the page was made.</summary>
    public required IReadOnlyDictionary<string, SourceExcerpt> Sources { get; init; }

    /// <summary>Works out everything the page draws for <paramref name="trace"/>; source files are read if they exist now.</summary>
    public static TimelineModel From(ScheduleTrace trace)
    {
        var texts = trace.Steps.Select(s => StepText.Parse(s.Describe())).ToList();
        IReadOnlyList<TimelineBar> bars = LockSpans.Find(trace, texts);
        HashSet<string> cycle = WaitForGraph.CycleOf(trace.Bug);
        IReadOnlyList<WaitForEdge> waitFor = WaitForGraph.Edges(trace, bars, cycle);
        RaceLink? race = BugMarks.Race(trace);
        RepeatingSpan? repeating = trace.Bug?.Kind is Detection.BugKind.Livelock or Detection.BugKind.Starvation
            ? ScheduleRepetition.Find(trace.Steps)
            : null;
        HashSet<int> highlighted = BugMarks.HighlightedSteps(trace, texts, race);
        var steps = new List<TimelineStep>(trace.Steps.Count);
        for (int i = 0; i < trace.Steps.Count; i++)
        {
            StepRecord step = trace.Steps[i];
            steps.Add(new TimelineStep(step.Operation, step.Describe(), texts[i].Labels(), texts[i].Category, highlighted.Contains(i), step.Location));
        }
        return new TimelineModel
        {
            Title = trace.TestName,
            Summary = $"strategy {trace.Strategy}, seed {trace.Seed}, iteration {trace.Iteration}, {trace.Steps.Count} steps, {trace.Preemptions} preemptions",
            BugKind = trace.Bug?.Kind.ToString(),
            BugMessage = trace.Bug?.Message,
            Lanes = trace.Operations.Select(name => new TimelineLane(name, cycle.Contains(name))).ToList(),
            Steps = steps,
            Bars = bars,
            WaitFor = waitFor,
            Race = race,
            Repeating = repeating,
            Focus = BugMarks.Focus(trace.Steps.Count, highlighted, race, repeating),
            Sources = SourceExcerpts.Read(trace.Steps),
        };
    }
}

/// <summary>One thread's lane.</summary>
internal sealed record TimelineLane(string Name, bool InCycle);

/// <summary>
/// One step: its lane, full text, labels from longest to shortest, colour class, whether the bug is about it, and its
/// location key into <see cref="TimelineModel.Sources"/> ("" when unknown).
/// </summary>
internal sealed record TimelineStep(int Lane, string Text, IReadOnlyList<string> Labels, string Category, bool Highlight, string At);

/// <summary>
/// A lock held ("hold") or a wait ("wait") by one lane, from one step to another (indexes from 0, inclusive);
/// <paramref name="Open"/> when it lasts to the end of the schedule.
/// </summary>
internal sealed record TimelineBar(int Lane, string Kind, string Resource, int From, int To, bool Open, string Label);

/// <summary>An arrow of the wait-for graph: <paramref name="Waiter"/> waits for <paramref name="Resource"/>, which <paramref name="Holder"/> holds.</summary>
internal sealed record WaitForEdge(int Waiter, int Holder, string Resource, bool InCycle, string Reason);

/// <summary>Two accesses to <paramref name="Variable"/> with no happens-before order between them (step indexes from 0).</summary>
internal sealed record RaceLink(string Variable, int First, int Second);

/// <summary>The schedule repeats the same <paramref name="Period"/> steps from step <paramref name="From"/> (from 0) to the end.</summary>
internal sealed record RepeatingSpan(int From, int Period, int Repetitions);

/// <summary>A range of step indexes, from 0, inclusive.</summary>
internal sealed record StepRange(int From, int To);

/// <summary>A few lines of source around one step's line; <paramref name="Lines"/> pairs line numbers with text.</summary>
internal sealed record SourceExcerpt(string File, int Line, IReadOnlyList<SourceLine> Lines);

/// <summary>One line of source.</summary>
internal sealed record SourceLine(int Number, string Text);
