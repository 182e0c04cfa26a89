using Vigil.Linux.Tracking;

namespace Vigil.Linux.Tests.Tracking;

public sealed class TrackFileReaderTests
{
    [Fact]
    public void MissingOrGarbageReadsZero_OutOfRangeIsNoReading()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, " -7\n");
            Assert.Equal(-7, TrackFileReader.Read(path));
            File.WriteAllText(path, "abc");
            Assert.Equal(0, TrackFileReader.Read(path));
            File.WriteAllText(path, "");
            Assert.Equal(0, TrackFileReader.Read(path));
            File.WriteAllText(path, "4294967296");
            Assert.Null(TrackFileReader.Read(path));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(0, TrackFileReader.Read(path));
    }
}
