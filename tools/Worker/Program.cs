using Lab.Workloads.Faults;
using Lab.Workloads.Processes;

// lab-worker: a process-pool worker that serves JSON work requests on stdin/stdout until stdin closes,
// or, with "fault-on-thread", the half of the fault-isolation demo that must crash a process of its own.
return args switch
{
    [] => WorkerHost.ServeStandardStreams(),
    [FaultIsolationDemo.FaultOnThreadArgument] => FaultIsolationDemo.RunOnDedicatedThreads(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: lab-worker                 serve a process pool over stdin/stdout");
    Console.Error.WriteLine($"       lab-worker {FaultIsolationDemo.FaultOnThreadArgument}  crash on purpose: a faulting item on a thread");
    return 2;
}
