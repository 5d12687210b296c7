using System.Net;
using System.Net.Sockets;
using Lab.Workloads.Gil;

namespace Lab.Workloads.Io;

/// <summary>Opens a loopback TCP connection and makes request/response round trips to the echo server; the result is the bytes echoed.</summary>
/// <param name="Port">The echo server's port on 127.0.0.1.</param>
/// <param name="Requests">How many round trips the item makes over its connection.</param>
/// <param name="PayloadBytes">The payload of each request.</param>
public sealed record EchoRequestItem(int Port, int Requests, int PayloadBytes) : WorkItem
{
    /// <inheritdoc />
    public override double Run(IInterpreterLock interpreterLock)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (BlockingRegion.Enter(interpreterLock))
        {
            socket.Connect(IPAddress.Loopback, Port);
        }

        byte[] frame = EchoFrame.Create(PayloadBytes);
        double echoed = 0;
        for (int request = 0; request < Requests; request++)
        {
            byte[]? reply;
            using (BlockingRegion.Enter(interpreterLock))
            {
                EchoFrame.Write(socket, frame);
                reply = EchoFrame.Read(socket);
            }

            echoed += CheckedPayloadLength(frame, reply);
        }

        socket.Shutdown(SocketShutdown.Both);
        return echoed;
    }

    /// <inheritdoc />
    public override async ValueTask<double> RunAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
        byte[] frame = EchoFrame.Create(PayloadBytes);
        double echoed = 0;
        for (int request = 0; request < Requests; request++)
        {
            await EchoFrame.WriteAsync(socket, frame, cancellationToken).ConfigureAwait(false);
            byte[]? reply = await EchoFrame.ReadAsync(socket, cancellationToken).ConfigureAwait(false);
            echoed += CheckedPayloadLength(frame, reply);
        }

        socket.Shutdown(SocketShutdown.Both);
        return echoed;
    }

    private static int CheckedPayloadLength(byte[] sent, byte[]? reply) =>
        reply is not null && reply.AsSpan().SequenceEqual(sent)
            ? sent.Length - EchoFrame.HeaderBytes
            : throw new IOException("The echo server did not return the request unchanged.");
}
