using Lab.Benchmarks;

// Benchmarks print their numbers and the machine; they are not tests and assert nothing.
string which = args.Length > 0 ? args[0] : "";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
return which switch
{
    "engine" => EngineBenchmark.Run(args[1..]),
    "hazards" => HazardsBenchmark.Run(args[1..]),
    "explore-parallel" => ParallelExplorationBenchmark.Run(args[1..]),
    "dpor" => DporBenchmark.Run(args[1..]),
    "coyote" => CoyoteBenchmark.Run(args[1..]),
    "grade" => GradeBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tools/Benchmarks -- engine|hazards|explore-parallel|dpor|coyote|grade");
    return 1;
}
