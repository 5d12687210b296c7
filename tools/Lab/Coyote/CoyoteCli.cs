using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using Lab.Cli.Commands;

namespace Lab.Cli.Coyote;

/// <summary>
/// Microsoft Coyote's rewriting CLI, the one the repository's tool manifest (.config/dotnet-tools.json) pins and the
/// build's CoyoteRewrite target runs as <c>dotnet coyote rewrite</c>. Grading locates its entry assembly once, in the
/// grader, and a worker starts it with the dotnet host directly: inside the sandbox HOME is a private folder, where
/// <c>dotnet tool run</c> finds neither its tool cache nor the NuGet packages. The environment is the build target's:
/// roll forward (the CLI targets net8.0) and no telemetry.
/// </summary>
public static class CoyoteCli
{
    /// <summary>The NuGet id of the CLI in the tool manifest.</summary>
    public const string PackageId = "microsoft.coyote.cli";

    /// <summary>The environment the CLI runs with, as in src/Systematic.Coyote/build/CoyoteRewrite.targets.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_ROLL_FORWARD"] = "Major",
        ["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>The most time one rewrite may take before it counts as failed (it takes 0.5–2 s here).</summary>
    public static readonly TimeSpan RewriteLimit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The full path of the CLI's entry assembly (coyote.dll) as the tool manifest above the lab's binaries names it;
    /// a <see cref="UsageException"/> saying what to run when the manifest or the restored tool is missing.
    /// </summary>
    public static string Locate()
    {
        string manifest = Manifest() ?? throw new UsageException(
            "--engine coyote needs the repository's tool manifest (.config/dotnet-tools.json) above the lab's binaries; run lab from a build of the repository");
        string version = VersionIn(manifest) ?? throw new UsageException($"{manifest} pins no {PackageId}; --engine coyote needs Microsoft Coyote's CLI");
        string package = Path.Combine(PackagesFolder(), PackageId, version);
        string? entry = Directory.Exists(Path.Combine(package, "tools"))
            ? Directory.EnumerateFiles(Path.Combine(package, "tools"), "DotnetToolSettings.xml", SearchOption.AllDirectories)
                .Select(settings => EntryPointIn(settings) is { } name ? Path.Combine(Path.GetDirectoryName(settings)!, name) : null)
                .FirstOrDefault(File.Exists)
            : null;
        return entry ?? throw new UsageException(
            $"Microsoft Coyote's CLI {version} is not restored ({package} is missing); run 'dotnet tool restore' in {Path.GetDirectoryName(Path.GetDirectoryName(manifest))}");
    }

    /// <summary>Rewrites <paramref name="assembly"/> in place with the CLI at <paramref name="cliPath"/>; null when it worked, else the CLI's words.</summary>
    public static string? Rewrite(string cliPath, string assembly)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (string argument in new[] { "exec", cliPath, "rewrite", assembly }) start.ArgumentList.Add(argument);
        foreach ((string name, string value) in Environment) start.Environment[name] = value;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RewriteLimit))
        {
            process.Kill(entireProcessTree: true);
            return $"the Coyote CLI did not finish rewriting within {RewriteLimit.TotalSeconds:0} s";
        }
        process.WaitForExit();
        if (process.ExitCode == 0) return null;
        string said = string.Join(" ", (error.Result + "\n" + output.Result).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(4));
        return $"the Coyote CLI could not rewrite the assembly (exit code {process.ExitCode}): {said}";
    }

    private static string? Manifest()
    {
        for (DirectoryInfo? at = new(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            foreach (string candidate in new[] { Path.Combine(at.FullName, ".config", "dotnet-tools.json"), Path.Combine(at.FullName, "dotnet-tools.json") })
            {
                if (File.Exists(candidate) && VersionIn(candidate) is not null) return candidate;
            }
        }
        return null;
    }

    private static string? VersionIn(string manifest)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(manifest));
            return document.RootElement.TryGetProperty("tools", out JsonElement tools)
                   && tools.TryGetProperty(PackageId, out JsonElement tool)
                   && tool.TryGetProperty("version", out JsonElement version)
                ? version.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? EntryPointIn(string settings) =>
        XDocument.Load(settings).Descendants("Command").Select(c => (string?)c.Attribute("EntryPoint")).FirstOrDefault(e => e is not null);

    private static string PackagesFolder() =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string DotnetHost()
    {
        string? current = System.Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return current;
        return System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
