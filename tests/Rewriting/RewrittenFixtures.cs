using System.Reflection;
using System.Runtime.Loader;
using Lab.Rewriting.Fixtures;
using Lab.Rewriting.Tests.TestDoubles;
using Lab.Systematic.Rewriting;

namespace Lab.Rewriting.Tests;

/// <summary>
/// The fixture assembly rewritten once per test run into a scratch folder, two ways: with the test doubles (stand-ins
/// and hooks that record) and with the defaults a build uses (the engine's stand-ins and hooks). Each is loaded in
/// its own load context, beside the original the test project references.
/// </summary>
[SetUpFixture]
public sealed class RewrittenFixtures
{
    private static string? s_folder;
    private static Rewritten? s_withDoubles;
    private static Rewritten? s_withEngine;

    /// <summary>The original fixture assembly's path.</summary>
    public static string OriginalPath => typeof(Counter).Assembly.Location;

    /// <summary>The scratch folder of this run.</summary>
    public static string Folder => s_folder ?? throw new InvalidOperationException("The set-up fixture has not run.");

    /// <summary>The fixture rewritten with the recording test doubles.</summary>
    public static Rewritten WithDoubles => s_withDoubles ?? throw new InvalidOperationException("The set-up fixture has not run.");

    /// <summary>The fixture rewritten with the defaults a build uses.</summary>
    public static Rewritten WithEngine => s_withEngine ?? throw new InvalidOperationException("The set-up fixture has not run.");

    /// <summary>The options that rewrite with the test doubles.</summary>
    public static RewriterOptions DoublesOptions => RewriterOptions.Default
        .WithStandInAssemblies(typeof(MonitorDouble).Assembly)
        .WithMemoryAccessHooks(typeof(RecordingMemoryAccess));

    /// <summary>Rewrites the fixture both ways.</summary>
    [OneTimeSetUp]
    public void RewriteTheFixture()
    {
        s_folder = Path.Combine(Path.GetTempPath(), "lab-rewriting-tests", Guid.NewGuid().ToString("N"));
        s_withDoubles = Rewritten.Create(Path.Combine(s_folder, "doubles"), DoublesOptions);
        s_withEngine = Rewritten.Create(Path.Combine(s_folder, "engine"), RewriterOptions.Default);
    }

    /// <summary>Removes the scratch folder.</summary>
    [OneTimeTearDown]
    public void RemoveTheScratchFolder()
    {
        try
        {
            if (s_folder is not null) Directory.Delete(s_folder, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Windows keeps loaded assemblies locked; the temp folder is cleaned by the OS there.
        }
    }
}

/// <summary>One rewritten copy of the fixture: its path, the rewriter's report and the loaded assembly.</summary>
public sealed class Rewritten
{
    private Rewritten(string path, RewriteReport report, Assembly assembly)
    {
        Path = path;
        Report = report;
        Assembly = assembly;
    }

    /// <summary>The rewritten assembly's path (its PDB is beside it).</summary>
    public string Path { get; }

    /// <summary>What the rewriter reported.</summary>
    public RewriteReport Report { get; }

    /// <summary>The rewritten assembly, loaded in its own context.</summary>
    public Assembly Assembly { get; }

    /// <summary>Rewrites the fixture into <paramref name="folder"/> with <paramref name="options"/> and loads it.</summary>
    public static Rewritten Create(string folder, RewriterOptions options)
    {
        string output = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(RewrittenFixtures.OriginalPath));
        RewriteReport report = AssemblyRewriter.RewriteFile(RewrittenFixtures.OriginalPath, options.WithOutputPath(output));
        var context = new FixtureLoadContext(output);
        return new Rewritten(output, report, context.LoadFromAssemblyPath(output));
    }

    /// <summary>Calls the public static method <paramref name="method"/> of fixture type <paramref name="type"/>.</summary>
    public object? CallStatic(string type, string method, params object?[] arguments) =>
        Invoke(FixtureType(type).GetMethod(method)!, null, arguments);

    /// <summary>
    /// The public static method <paramref name="method"/> of fixture type <paramref name="type"/> (relative to
    /// Lab.Rewriting.Fixtures, e.g. "Async.AsyncPrograms") as a delegate, to explore it directly.
    /// </summary>
    public TDelegate Delegate<TDelegate>(string type, string method) where TDelegate : Delegate =>
        FixtureType(type).GetMethod(method)!.CreateDelegate<TDelegate>();

    /// <summary>Creates an instance of fixture type <paramref name="type"/>.</summary>
    public object Create(string type, params object?[] arguments) =>
        Activator.CreateInstance(FixtureType(type), arguments)!;

    /// <summary>The fixture type named <paramref name="type"/> relative to Lab.Rewriting.Fixtures.</summary>
    public Type FixtureType(string type) => Assembly.GetType($"Lab.Rewriting.Fixtures.{type}", throwOnError: true)!;

    /// <summary>Calls the public instance method <paramref name="method"/> on <paramref name="target"/>.</summary>
    public static object? Call(object target, string method, params object?[] arguments) =>
        Invoke(target.GetType().GetMethod(method)!, target, arguments);

    private static object? Invoke(MethodInfo method, object? target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Loads the rewritten fixture by itself; everything else (the engine, the test doubles) comes from the default context.</summary>
    private sealed class FixtureLoadContext(string fixturePath) : AssemblyLoadContext($"rewritten {fixturePath}")
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == System.IO.Path.GetFileNameWithoutExtension(fixturePath) ? LoadFromAssemblyPath(fixturePath) : null;
    }
}
