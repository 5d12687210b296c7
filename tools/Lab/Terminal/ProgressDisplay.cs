using System.Diagnostics;
using Spectre.Console;

namespace Lab.Cli.Terminal;

/// <summary>
/// Shows a long command's progress: a live Spectre bar on a terminal, and when output is redirected a plain line
/// at most every <see cref="PlainLineInterval"/>, so logs show that the run is alive without flooding.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>The least time between two plain progress lines.</summary>
    public static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/>, showing the updates it reports under <paramref name="title"/>.</summary>
    public static T Run<T>(LabConsole console, string title, Func<Action<ProgressUpdate>, T> work)
    {
        if (!console.IsInteractive) return RunPlain(console, title, work);
        return console.Out.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(title), maxValue: 1);
                return work(update =>
                {
                    task.MaxValue = Math.Max(update.Total, 1);
                    task.Value = Math.Min(update.Done, task.MaxValue);
                    task.Description = Markup.Escape($"{title}: {update.Detail}");
                });
            });
    }

    private static T RunPlain<T>(LabConsole console, string title, Func<Action<ProgressUpdate>, T> work)
    {
        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.Zero;
        var gate = new object();
        return work(update =>
        {
            lock (gate)
            {
                if (clock.Elapsed - lastLine < PlainLineInterval) return;
                lastLine = clock.Elapsed;
                console.Line($"  ... {title}: {update.Detail} ({update.Done:0}/{update.Total:0}, {clock.Elapsed.TotalSeconds:0} s)");
            }
        });
    }
}
