namespace Lab.Cli.Grading;

/// <summary>
/// How to start this program again as a child process: its native launcher when there is one next to lab.dll,
/// otherwise the dotnet host with lab.dll (as when it runs as a dotnet tool or inside a test host).
/// </summary>
public static class LabExecutable
{
    /// <summary>The program to start and the arguments that come before the command's own.</summary>
    public static (string FileName, IReadOnlyList<string> LeadingArguments) Resolve()
    {
        string assembly = typeof(LabExecutable).Assembly.Location;
        string launcher = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        return File.Exists(launcher) ? (launcher, []) : (DotnetHost(), [assembly]);
    }

    /// <summary>The dotnet host running this process if it is one, else the one the SDK names, else "dotnet" from PATH.</summary>
    private static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return current;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
