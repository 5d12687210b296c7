// Explorations hold no static state, so scenarios are explored in parallel, one per core.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
