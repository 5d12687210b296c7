using System.Diagnostics;
using System.Globalization;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Cli.Reports;
using Lab.Cli.Tests.Support;

namespace Lab.Benchmarks;

/// <summary>
/// Grades the sample class (30 students across the exercises, see <see cref="SampleClass"/>) once, as <c>lab grade</c>
/// does: a sandboxed worker per handed-in file, default settings, reports written. Prints the verdict counts, the wall
/// time and two rates: <c>grade_submissions_per_minute=</c> counts student-exercise files handed in (each one worker
/// process; a missing file costs nothing and is not counted), <c>grade_students_per_minute=</c> counts students.
/// </summary>
public static class GradeBenchmark
{
    /// <summary>Runs the benchmark; arguments: [--workers N] (default one per core).</summary>
    public static int Run(string[] args)
    {
        int workers = Environment.ProcessorCount;
        for (int i = 0; i < args.Length; i += 2)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            workers = args[i] == "--workers" ? int.Parse(value, CultureInfo.InvariantCulture) : throw new ArgumentException($"unknown argument {args[i]}; use --workers N");
        }
        string scratch = Path.Combine(Path.GetTempPath(), $"lab-grade-benchmark-{Environment.ProcessId}");
        try
        {
            string submissions = SampleClass.Materialise(
                ExerciseWorkspace.Locate(Path.Combine("tests", "Cli", "Samples")), ExerciseWorkspace.Locate("exercises"), Path.Combine(scratch, "class"));
            string output = Path.Combine(scratch, "out");
            var settings = new GradingSettings { TraceDirectory = Path.Combine(output, "traces") };
            var plan = new GradingPlan(submissions, output, ExerciseCatalog.All, settings, workers);
            Console.WriteLine($"sample class: {SampleClass.Manifest.Count} students x {plan.Exercises.Count} exercises; seed {settings.Seed}, budget {settings.Budget}, " +
                              $"time limit {settings.Timeout.TotalSeconds:0} s, {workers} workers");
            Console.WriteLine(WorkerSandbox.Statement);
            var clock = Stopwatch.StartNew();
            IReadOnlyList<StudentResult> students = GradingRun.Run(plan, update =>
            {
                if (update.Done % 20 == 0 || update.Done == update.Total) Console.WriteLine($"  {update.Done}/{update.Total} after {clock.Elapsed.TotalSeconds:0} s");
            });
            GradeReports.Write(plan, students);
            clock.Stop();
            var results = students.SelectMany(s => s.Exercises).ToList();
            int handedIn = results.Count(r => r.Verdict != Verdict.Missing);
            double minutes = clock.Elapsed.TotalMinutes;
            Console.WriteLine("verdicts: " + string.Join(", ", Enum.GetValues<Verdict>().Select(v => $"{results.Count(r => r.Verdict == v)} {v}")));
            Console.WriteLine($"{students.Count} students, {results.Count} student-exercises, {handedIn} files handed in (graded by a worker each), " +
                              $"wall {clock.Elapsed.TotalSeconds:0.0} s, worker time {results.Sum(r => r.Seconds):0} s");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"grade_submissions_per_minute={handedIn / minutes:0.0} grade_students_per_minute={students.Count / minutes:0.00}"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }
}
