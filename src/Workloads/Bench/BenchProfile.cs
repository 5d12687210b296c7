namespace Lab.Workloads.Bench;

/// <summary>Which preset a bench run used, recorded so results are read with the right expectations.</summary>
public enum BenchProfile
{
    /// <summary>Small sizes, few repetitions: under a minute, for a first look.</summary>
    Quick,

    /// <summary>Full sizes and more repetitions: numbers to keep.</summary>
    Full,

    /// <summary>Hand-made options, such as a test's tiny matrix.</summary>
    Custom,
}
