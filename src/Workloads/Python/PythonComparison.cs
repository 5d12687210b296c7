using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lab.Workloads.Bench;
using Lab.Workloads.Measurement;

namespace Lab.Workloads.Python;

/// <summary>
/// Runs the same cosine loop and blocking waits in CPython with threads and with processes, when python3 is on PATH,
/// so the GIL's real effect sits in the same table and charts as the .NET executors and the emulated GIL.
/// </summary>
public static class PythonComparison
{
    /// <summary>The script's file name in the output directory.</summary>
    public const string ScriptFileName = "threads_vs_processes.py";

    /// <summary>Cosine iterations for CPython at scale 1: it runs the loop about five times slower than .NET, so it gets a fifth of the iterations.</summary>
    public const long CosineIterationsAtScaleOne = 4_000_000;

    private const string ResourceName = "Lab.Workloads.Python.threads_vs_processes.py";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The full path of python3 on PATH, or null.</summary>
    public static string? FindPython()
    {
        string[] names = OperatingSystem.IsWindows() ? ["python3.exe", "python.exe"] : ["python3"];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Writes the comparison script into <paramref name="directory"/> and returns its path.</summary>
    public static string WriteScript(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, ScriptFileName);
        using Stream resource = typeof(PythonComparison).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from Lab.Workloads.");
        using FileStream file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    /// <summary>Writes and runs the script with sizes matching <paramref name="options"/>; never throws for a missing or failing Python.</summary>
    public static PythonOutcome Run(BenchOptions options, CancellationToken cancellationToken)
    {
        string? python = FindPython();
        if (python is null)
        {
            return new PythonOutcome([], [], "python3 is not on PATH, so the CPython comparison was skipped.");
        }

        var waits = WorkloadCatalog.Waits(options.WorkScale);
        long iterations = Math.Max(1000, (long)(CosineIterationsAtScaleOne * options.WorkScale));
        string script = WriteScript(options.OutputDirectory);
        string[] arguments =
        [
            script,
            "--cosine-iterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--wait-items", waits.Items.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--wait-ms", waits.LatencyMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workers", string.Join(',', options.WorkerCounts),
            "--repetitions", options.Repetitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        var (exitCode, output, error) = RunProcess(python, arguments, cancellationToken);
        if (exitCode != 0)
        {
            return new PythonOutcome([], [], $"{python} {ScriptFileName} failed with exit code {exitCode}: {error.Trim()}");
        }

        PythonReport? report = ParseReport(output);
        if (report is null)
        {
            return new PythonOutcome([], [], $"{python} {ScriptFileName} printed something that is not its JSON report: {output.Trim()}");
        }

        BenchWorkload[] workloads =
        [
            new("py-cpu-cosine", WorkloadKind.CpuBound, "CPython, CPU-bound: foo += foo * cos(i * pi)", $"iterations = {iterations}"),
            new("py-io-wait", WorkloadKind.IoBound, "CPython, I/O-bound: blocking waits of fixed latency", $"items = {waits.Items}, latency = {waits.LatencyMilliseconds} ms"),
        ];
        BenchRow[] rows = report.Rows.Select(ToBenchRow).ToArray();
        return new PythonOutcome(workloads, rows, $"CPython {report.Version} ({python}) ran {ScriptFileName} with threads and processes.");
    }

    private static PythonReport? ParseReport(string output)
    {
        try
        {
            return JsonSerializer.Deserialize<PythonReport>(output, ReportJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static BenchRow ToBenchRow(PythonRow row) => new(
        row.Workload,
        row.Kind,
        row.Executor,
        row.Workers,
        row.Runs.Select(run => new RunMeasurement(TimeSpan.FromSeconds(run.Wall), TimeSpan.FromSeconds(run.Cpu))).ToArray(),
        row.Checksum);

    private static (int ExitCode, string Output, string Error) RunProcess(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var registration = cancellationToken.Register(() => Stop(process));
        Task<string> output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        if (!process.WaitForExit(Timeout))
        {
            Stop(process);
        }

        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Kill throws when the process has already exited, which is the state we want.
        }
    }
}
