namespace Lab.Workloads.Processes;

/// <summary>Finds the lab-worker program: an explicit override first, then the copy that project references place next to this assembly.</summary>
public static class WorkerLocator
{
    /// <summary>Environment variable that points at lab-worker.dll or a lab-worker executable, overriding the search.</summary>
    public const string PathVariable = "LAB_WORKER_PATH";

    /// <summary>The worker's managed assembly, run through the dotnet host.</summary>
    public const string AssemblyFileName = "lab-worker.dll";

    /// <summary>The worker's native launcher (apphost), used when the assembly is not there.</summary>
    public static string AppHostFileName => OperatingSystem.IsWindows() ? "lab-worker.exe" : "lab-worker";

    /// <summary>Locates the worker for this process, honouring <see cref="PathVariable"/>.</summary>
    public static WorkerLaunch Locate() =>
        Locate(Environment.GetEnvironmentVariable(PathVariable), AppContext.BaseDirectory, DotnetHost());

    /// <summary>Locates the worker given an optional override, the directory to search and the dotnet host to run assemblies with.</summary>
    public static WorkerLaunch Locate(string? overridePath, string baseDirectory, string dotnetHost)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return File.Exists(overridePath)
                ? LaunchFor(Path.GetFullPath(overridePath), dotnetHost)
                : throw new FileNotFoundException($"{PathVariable} points at '{overridePath}', which does not exist.", overridePath);
        }

        string assembly = Path.Combine(baseDirectory, AssemblyFileName);
        if (File.Exists(assembly))
        {
            return LaunchFor(assembly, dotnetHost);
        }

        string appHost = Path.Combine(baseDirectory, AppHostFileName);
        if (File.Exists(appHost))
        {
            return LaunchFor(appHost, dotnetHost);
        }

        throw new FileNotFoundException(
            $"Cannot find the worker: neither '{assembly}' nor '{appHost}' exists. Reference tools/Worker from the running project "
            + $"so it is copied next to it, or set {PathVariable} to lab-worker.dll.",
            assembly);
    }

    /// <summary>The dotnet host that runs this process, or the one the SDK advertises, or plain "dotnet" from PATH.</summary>
    public static string DotnetHost()
    {
        string? advertised = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(advertised) && File.Exists(advertised))
        {
            return advertised;
        }

        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        string? rooted = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return rooted is not null && File.Exists(rooted) ? rooted : "dotnet";
    }

    private static WorkerLaunch LaunchFor(string path, string dotnetHost) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new WorkerLaunch(dotnetHost, [path])
            : new WorkerLaunch(path, []);
}
