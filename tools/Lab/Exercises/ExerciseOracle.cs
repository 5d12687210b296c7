using System.Runtime.CompilerServices;
using Lab.Systematic.Specifications;

namespace Lab.Cli.Exercises;

/// <summary>
/// A harness an exercise's submissions are explored with besides the scenario's own: other thread and call counts,
/// other values, and properties the scenario's harness does not check, so that a constant answer, no synchronisation
/// or doing nothing cannot pass. Written with the controlled primitives, since grading code is not rewritten.
/// </summary>
/// <param name="Name">A kebab-case name, unique within the exercise; traces carry it in their test name.</param>
/// <param name="Property">What the oracle checks, in one line for the report.</param>
/// <param name="Harness">Builds the explored body from a factory of implementations.</param>
/// <param name="DfsPreemptionBound">The preemption bound of the DFS pass, or null for an unbounded DFS.</param>
public sealed record ExerciseOracle(string Name, string Property, Func<Func<object>, Action> Harness, int? DfsPreemptionBound)
{
    /// <summary>An oracle whose body drives one fresh implementation of <typeparamref name="TContract"/>.</summary>
    public static ExerciseOracle Of<TContract>(string name, string property, int? dfsPreemptionBound, Action<TContract> run) where TContract : class =>
        new(name, property, factory => () =>
        {
            object created = factory();
            run(created as TContract ?? throw new InvalidCastException($"{created.GetType().FullName} does not implement {typeof(TContract).FullName}"));
        }, dfsPreemptionBound);

    /// <summary>Fails the iteration unless <paramref name="actual"/> is <paramref name="expected"/>, saying what was observed when.</summary>
    public static void Expect(int actual, int expected, string what, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Specification.Assert(actual == expected, $"{what} is {actual}, expected {expected}", file, line);
}
