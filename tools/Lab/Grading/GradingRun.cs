using Lab.Cli.Exercises;
using Lab.Cli.Terminal;

namespace Lab.Cli.Grading;

/// <summary>
/// Grades every student's files: builds each exercise's regression corpus once, compiles each file here (compiling
/// runs no student code), and runs each compiled file in a worker process of its own under the time limit.
/// </summary>
public static class GradingRun
{
    /// <summary>Grades everything <paramref name="plan"/> names, reporting progress per finished submission.</summary>
    public static IReadOnlyList<StudentResult> Run(GradingPlan plan, Action<ProgressUpdate> progress)
    {
        IReadOnlyList<(string Student, string Path)> students = SubmissionFolder.Students(plan.SubmissionsDirectory);
        foreach (Exercise exercise in plan.Exercises)
        {
            string scratch = Path.Combine(plan.OutputDirectory, "corpus", ".scratch");
            RegressionCorpus.Save(RegressionCorpus.Build(exercise.Scenario, plan.Settings.Seed, scratch), plan.CorpusDirectory(exercise));
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
        var jobs = students.SelectMany(s => plan.Exercises.Select(e => (s.Student, StudentPath: s.Path, Exercise: e))).ToList();
        var results = new ExerciseResult[jobs.Count];
        string images = Path.Combine(Path.GetTempPath(), "lab-grade-" + Guid.NewGuid().ToString("N"));
        int done = 0;
        try
        {
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = plan.Workers }, i =>
            {
                (string student, string path, Exercise exercise) = jobs[i];
                results[i] = Grade(plan, student, path, exercise, Path.Combine(images, $"{i}.dll"));
                int finished = Interlocked.Increment(ref done);
                progress(new ProgressUpdate(finished, jobs.Count, $"{student} / {exercise.Id}: {results[i].Verdict}"));
            });
        }
        finally
        {
            if (Directory.Exists(images)) Directory.Delete(images, recursive: true);
        }
        return students.Select((s, index) => new StudentResult(s.Student, results.Skip(index * plan.Exercises.Count).Take(plan.Exercises.Count).ToList())).ToList();
    }

    /// <summary>One student's exercise: missing, not compiling, or the worker's result.</summary>
    public static ExerciseResult Grade(GradingPlan plan, string student, string studentDirectory, Exercise exercise, string imagePath)
    {
        string? file = SubmissionFolder.FileFor(studentDirectory, exercise);
        if (file is null)
        {
            return ExerciseResult.Unchecked(exercise, Verdict.Missing, $"No {exercise.FileName} was handed in (looked in {studentDirectory}).");
        }
        CompiledSubmission compiled = SubmissionCompiler.CompileFile(file);
        if (!compiled.Succeeded) return SubmissionGrader.CompileErrors(exercise, compiled);
        Directory.CreateDirectory(Path.GetDirectoryName(imagePath)!);
        File.WriteAllBytes(imagePath, compiled.Image!);
        string[] arguments =
        [
            "grade-one", "--exercise", exercise.Id, "--file", compiled.SourcePath, "--image", imagePath,
            "--corpus", plan.CorpusDirectory(exercise), "--seed", plan.Settings.Seed.ToString(),
            "--budget", plan.Settings.Budget.ToString(), "--trace-dir", plan.TraceDirectory(student),
        ];
        WorkerOutcome outcome = WorkerProcess.Run(arguments, plan.Settings.Timeout, resultPipe: true);
        return WorkerVerdict.ResultOf(exercise, outcome, plan.Settings.Timeout);
    }
}
