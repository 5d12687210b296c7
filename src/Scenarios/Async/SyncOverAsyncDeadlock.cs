using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Async;

/// <summary>A weather widget with a synchronous Refresh, called on the UI thread, over an async library.</summary>
public interface IWeatherWidget
{
    /// <summary>Loads the forecast and the temperature (concurrently, in the library) and returns the line to show.</summary>
    string Refresh();
}

/// <summary>The UI thread calls a synchronous Refresh that blocks on an async library call; it must return.</summary>
public sealed class SyncOverAsyncDeadlock : Scenario<IWeatherWidget, SyncOverAsyncDeadlock.Buggy, SyncOverAsyncDeadlock.Fixed>
{
    /// <inheritdoc />
    public override string Id => "async/sync-over-async-deadlock";

    /// <inheritdoc />
    public override string Title => "Sync over async on a single-threaded SynchronizationContext";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Async;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Refresh blocks the UI thread in .Result on an async library call whose awaits capture the UI context.\n" +
        "Their continuations must run on the UI thread, which is blocked waiting for them: deadlock.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "The library awaits with ConfigureAwait(false), so its continuations run off the UI context and finish\n" +
        "while the UI thread waits (better still: make Refresh async and await all the way up).";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "Refresh returns \"sunny, 21°C\" on the UI thread";

    /// <inheritdoc />
    protected override void Run(IWeatherWidget widget)
    {
        SynchronizationContext.SetSynchronizationContext(new UiContext()); // main is the UI thread from here on
        try
        {
            string shown = widget.Refresh();
            Specification.Assert(shown == "sunny, 21°C", $"the widget shows '{shown}', expected 'sunny, 21°C'");
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    /// <summary>
    /// A UI thread's context: one thread runs what is posted to it. (In a real run its Post queues to the thread pool,
    /// so the stress runner cannot hang; inside an exploration the engine models it as single-threaded.)
    /// </summary>
    public sealed class UiContext : SynchronizationContext
    {
    }

    /// <summary>Blocks on the library; the library's awaits come back to the captured UI context.</summary>
    public sealed class Buggy : IWeatherWidget
    {
        /// <inheritdoc />
        public string Refresh() => SummaryAsync().Result; // blocks the UI thread

        private static async Task<string> SummaryAsync()
        {
            Task<string> forecast = ForecastAsync();
            Task<string> temperature = TemperatureAsync();
            return $"{await forecast}, {await temperature}"; // resumes on the UI context
        }

        private static async Task<string> ForecastAsync()
        {
            await Task.Delay(10); // resumes on the UI context
            return "sunny";
        }

        private static async Task<string> TemperatureAsync()
        {
            await Task.Delay(5);
            return "21°C";
        }
    }

    /// <summary>The library never needs the caller's context: every await is ConfigureAwait(false).</summary>
    public sealed class Fixed : IWeatherWidget
    {
        /// <inheritdoc />
        public string Refresh() => SummaryAsync().Result;

        private static async Task<string> SummaryAsync()
        {
            Task<string> forecast = ForecastAsync();
            Task<string> temperature = TemperatureAsync();
            return $"{await forecast.ConfigureAwait(false)}, {await temperature.ConfigureAwait(false)}";
        }

        private static async Task<string> ForecastAsync()
        {
            await Task.Delay(10).ConfigureAwait(false);
            return "sunny";
        }

        private static async Task<string> TemperatureAsync()
        {
            await Task.Delay(5).ConfigureAwait(false);
            return "21°C";
        }
    }
}
