using System.Buffers.Binary;
using System.Net.Sockets;

namespace Lab.Workloads.Io;

/// <summary>The loopback echo protocol: a 4-byte little-endian length followed by that many payload bytes, in both directions.</summary>
public static class EchoFrame
{
    /// <summary>Bytes in the length header.</summary>
    public const int HeaderBytes = 4;

    /// <summary>A frame carrying <paramref name="payloadBytes"/> bytes of deterministic payload.</summary>
    public static byte[] Create(int payloadBytes)
    {
        var frame = new byte[HeaderBytes + payloadBytes];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payloadBytes);
        for (int k = 0; k < payloadBytes; k++)
        {
            frame[HeaderBytes + k] = (byte)k;
        }

        return frame;
    }

    /// <summary>Reads one whole frame, or returns null if the peer closed the connection before a new frame began.</summary>
    public static byte[]? Read(Socket socket)
    {
        var header = new byte[HeaderBytes];
        if (!ReadExactly(socket, header))
        {
            return null;
        }

        var frame = new byte[HeaderBytes + BinaryPrimitives.ReadInt32LittleEndian(header)];
        header.CopyTo(frame, 0);
        if (!ReadExactly(socket, frame.AsSpan(HeaderBytes)))
        {
            throw new IOException("The echo peer closed the connection in the middle of a frame.");
        }

        return frame;
    }

    /// <summary>Reads one whole frame without blocking a thread, or returns null if the peer closed the connection first.</summary>
    public static async ValueTask<byte[]?> ReadAsync(Socket socket, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderBytes];
        if (!await ReadExactlyAsync(socket, header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var frame = new byte[HeaderBytes + BinaryPrimitives.ReadInt32LittleEndian(header)];
        header.CopyTo(frame, 0);
        if (!await ReadExactlyAsync(socket, frame.AsMemory(HeaderBytes), cancellationToken).ConfigureAwait(false))
        {
            throw new IOException("The echo peer closed the connection in the middle of a frame.");
        }

        return frame;
    }

    /// <summary>Sends a whole frame, however many system calls that takes.</summary>
    public static void Write(Socket socket, ReadOnlySpan<byte> frame)
    {
        int sent = 0;
        while (sent < frame.Length)
        {
            sent += socket.Send(frame[sent..]);
        }
    }

    /// <summary>Sends a whole frame without blocking a thread.</summary>
    public static async ValueTask WriteAsync(Socket socket, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        int sent = 0;
        while (sent < frame.Length)
        {
            sent += await socket.SendAsync(frame[sent..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool ReadExactly(Socket socket, Span<byte> buffer)
    {
        int filled = 0;
        while (filled < buffer.Length)
        {
            int received = socket.Receive(buffer[filled..]);
            if (received == 0)
            {
                return filled == 0 ? false : throw new IOException("The echo peer closed the connection in the middle of a frame.");
            }

            filled += received;
        }

        return true;
    }

    private static async ValueTask<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int filled = 0;
        while (filled < buffer.Length)
        {
            int received = await socket.ReceiveAsync(buffer[filled..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                return filled == 0 ? false : throw new IOException("The echo peer closed the connection in the middle of a frame.");
            }

            filled += received;
        }

        return true;
    }
}
