using System.Runtime.InteropServices;
using Vigil.Plugins.Notify.Delivery;

namespace Vigil.Plugins.Notify.Channels;

/// <summary>An open notify fifo (open(2) with O_RDWR|O_NONBLOCK, which .NET's FileStream cannot do for a fifo).</summary>
internal sealed partial class FifoHandle : IDisposable
{
    private const int ReadWrite = 0x2;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int Append = 0x400;
    private const int AlreadyExists = 17;
    private readonly object _gate = new();
    private int _fd;

    private FifoHandle(int fd) => _fd = fd;

    public static FifoHandle Open(string path)
    {
        if (MakeFifo(path, Convert.ToUInt32("600", 8)) != 0 && Marshal.GetLastPInvokeError() != AlreadyExists)
        {
            throw new NotificationDeliveryException($"cannot create fifo {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        var fd = OpenNative(path, ReadWrite | NonBlocking | CloseOnExec | Append);
        if (fd < 0)
        {
            throw new NotificationDeliveryException($"cannot open fifo {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        return new FifoHandle(fd);
    }

    public unsafe void Write(byte[] line)
    {
        lock (_gate)
        {
            fixed (byte* data = line)
            {
                var written = WriteNative(_fd, data, (nuint)line.Length);
                if (written != line.Length)
                {
                    throw new NotificationDeliveryException($"fifo write failed: {Marshal.GetLastPInvokeErrorMessage()}");
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_fd >= 0)
            {
                _ = CloseNative(_fd);
                _fd = -1;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteNative(int fd, byte* data, nuint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseNative(int fd);
}
