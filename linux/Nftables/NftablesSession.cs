using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Linux.Nftables;

/// <summary>
/// One libnftables context (Debian <c>libnftables1</c>), loaded at run time so that machines without it still run every
/// other part of Vigil. Commands go in as nft's JSON and run as one transaction: the kernel applies all of a buffer or
/// none of it. Every call runs on the session's own thread, started by the opening thread and so in its network
/// namespace: libnftables resolves interface names (<c>fwd to "eth0"</c>) in the namespace of the thread that runs it.
/// </summary>
public sealed unsafe class NftablesSession : IDisposable
{
    private const string LibraryName = "libnftables.so.1";
    private const uint OutputJson = 1 << 4;
    private const uint InputJson = 1 << 1;

    // Above this size of document or output, the worker hands the memory libnftables freed back to the system.
    private const int TrimThreshold = 1 << 18;

    private readonly System.Collections.Concurrent.BlockingCollection<(byte[] Buffer, TaskCompletionSource<string> Done)> _work = new();
    private readonly Thread _worker;
    private readonly nint _library;
    private readonly delegate* unmanaged<nint, void> _free;
    private readonly delegate* unmanaged<nint, byte*, int> _run;
    private readonly delegate* unmanaged<nint, byte*> _output;
    private readonly delegate* unmanaged<nint, byte*> _error;
    private readonly delegate* unmanaged<nuint, int> _trim;
    private nint _context;

    private NftablesSession(nint library, nint context)
    {
        _library = library;
        _context = context;
        _free = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "nft_ctx_free");
        _run = (delegate* unmanaged<nint, byte*, int>)NativeLibrary.GetExport(library, "nft_run_cmd_from_buffer");
        _output = (delegate* unmanaged<nint, byte*>)NativeLibrary.GetExport(library, "nft_ctx_get_output_buffer");
        _error = (delegate* unmanaged<nint, byte*>)NativeLibrary.GetExport(library, "nft_ctx_get_error_buffer");

        // glibc's; where the C library has none, memory is simply not trimmed.
        _trim = NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "malloc_trim", out var trim)
            ? (delegate* unmanaged<nuint, int>)trim
            : null;
        _worker = new Thread(Work) { IsBackground = true, Name = "libnftables" };
        _worker.Start();
    }

    /// <summary>Opens a context in the calling thread's network namespace, or says why it cannot (library missing).</summary>
    public static NftablesSession? TryOpen(out string? error)
    {
        if (!NativeLibrary.TryLoad(LibraryName, out var library))
        {
            error = $"{LibraryName} is not installed (Debian package libnftables1)";
            return null;
        }

        var create = (delegate* unmanaged<uint, nint>)NativeLibrary.GetExport(library, "nft_ctx_new");
        var context = create(0);
        if (context == 0)
        {
            error = "nft_ctx_new failed";
            return null;
        }

        ((delegate* unmanaged<nint, int>)NativeLibrary.GetExport(library, "nft_ctx_buffer_output"))(context);
        ((delegate* unmanaged<nint, int>)NativeLibrary.GetExport(library, "nft_ctx_buffer_error"))(context);

        // Older libnftables reads JSON input whenever JSON output is on; newer ones also have an explicit input flag.
        ((delegate* unmanaged<nint, uint, void>)NativeLibrary.GetExport(library, "nft_ctx_output_set_flags"))(context, OutputJson);
        if (NativeLibrary.TryGetExport(library, "nft_ctx_input_set_flags", out var inputFlags))
        {
            ((delegate* unmanaged<nint, uint, uint>)inputFlags)(context, InputJson);
        }

        error = null;
        return new NftablesSession(library, context);
    }

    /// <summary>
    /// Runs <paramref name="json"/> (an nft JSON document, <c>{"nftables": [...]}</c>) and returns nft's JSON output
    /// (empty for commands that print nothing). Throws <see cref="NftablesException"/> with nft's error text when the
    /// kernel or the parser refused it; nothing of a refused buffer is applied.
    /// </summary>
    public string Run(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length) + 1);
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            buffer[length] = 0;
            return Submit(buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>As <see cref="Run(string)"/>, for a document already in UTF-8 (without a terminating NUL).</summary>
    public string Run(ReadOnlySpan<byte> utf8Json)
    {
        // Pooled: a whole table's document is megabytes, and libnftables needs it NUL-terminated in memory of its own.
        var buffer = ArrayPool<byte>.Shared.Rent(utf8Json.Length + 1);
        try
        {
            utf8Json.CopyTo(buffer);
            buffer[utf8Json.Length] = 0;
            return Submit(buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_work.IsAddingCompleted)
        {
            return;
        }

        _work.CompleteAdding();
        _worker.Join();
        _work.Dispose();
    }

    private string Submit(byte[] buffer)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _work.Add((buffer, done));
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(NftablesSession));
        }

        return done.Task.GetAwaiter().GetResult();
    }

    private void Work()
    {
        foreach (var (buffer, done) in _work.GetConsumingEnumerable())
        {
            int rc;
            fixed (byte* text = buffer)
            {
                rc = _run(_context, text);
            }

            var output = Text(_output(_context));
            var error = Text(_error(_context));

            // libnftables rebuilds its cache of the kernel's ruleset for every command and frees it after; glibc
            // keeps what a large change or listing freed in this thread's arena (tens of MB for a thousand servers).
            if (_trim is not null && (buffer.Length > TrimThreshold || output.Length > TrimThreshold))
            {
                _trim(0);
            }

            if (rc != 0)
            {
                done.SetException(new NftablesException(error.Length > 0 ? error.Trim() : $"nft_run_cmd_from_buffer returned {rc}"));
            }
            else
            {
                done.SetResult(output);
            }
        }

        _free(_context);
        _context = 0;
    }

    private static string Text(byte* text) => text is null ? "" : Marshal.PtrToStringUTF8((nint)text) ?? "";
}
