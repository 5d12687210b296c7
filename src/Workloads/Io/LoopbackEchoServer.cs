using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Lab.Workloads.Io;

/// <summary>
/// A small TCP echo server on 127.0.0.1 that answers each frame after a fixed delay, standing in for a remote service
/// so I/O-bound items really wait on the network stack. It runs on its own threads, never on the thread pool, so like a
/// real remote service it cannot be starved by the client executors it is measuring.
/// </summary>
public sealed class LoopbackEchoServer : IDisposable
{
    private readonly Socket _listener;
    private readonly TimeSpan _responseDelay;
    private readonly Thread _acceptor;
    private readonly ConcurrentDictionary<Socket, Thread> _connections = new();
    private long _framesEchoed;
    private volatile bool _stopping;

    private LoopbackEchoServer(Socket listener, TimeSpan responseDelay)
    {
        _listener = listener;
        _responseDelay = responseDelay;
        _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "echo-server-acceptor" };
        _acceptor.Start();
    }

    /// <summary>The port the server listens on, chosen by the operating system.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    /// <summary>How many frames have been echoed so far.</summary>
    public long FramesEchoed => Interlocked.Read(ref _framesEchoed);

    /// <summary>Binds to a free loopback port and starts accepting connections.</summary>
    public static LoopbackEchoServer Start(TimeSpan responseDelay)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(512);
        return new LoopbackEchoServer(listener, responseDelay);
    }

    /// <summary>Stops accepting, closes every connection and waits for the connection threads to end.</summary>
    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();
        _acceptor.Join();
        foreach (var (connection, thread) in _connections)
        {
            connection.Dispose();
            thread.Join();
        }
    }

    private void AcceptLoop()
    {
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception exception) when (_stopping && exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            var handler = new Thread(() => Serve(client)) { IsBackground = true, Name = "echo-server-connection" };
            _connections[client] = handler;
            handler.Start();
        }
    }

    private void Serve(Socket client)
    {
        try
        {
            while (EchoFrame.Read(client) is { } frame)
            {
                Thread.Sleep(_responseDelay);
                EchoFrame.Write(client, frame);
                Interlocked.Increment(ref _framesEchoed);
            }
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException)
        {
            // A client that vanished (for example a worker process killed mid-item) or a server shutdown
            // ends only this connection; the server keeps serving everyone else.
        }
        finally
        {
            if (_connections.TryRemove(client, out _))
            {
                client.Dispose();
            }
        }
    }
}
