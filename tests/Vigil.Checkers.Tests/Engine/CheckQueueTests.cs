using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Checkers.Engine;

namespace Vigil.Checkers.Tests.Engine;

public sealed class CheckQueueTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class Item(int id)
    {
        public int Id => id;
    }

    [Fact]
    public void RescheduleReplacesTheEarlierTime()
    {
        var queue = new CheckQueue<Item>();
        var a = new Item(1);
        queue.Schedule(a, T0);
        queue.Schedule(a, T0.AddSeconds(5));
        Assert.Equal(1, queue.Count);
        Assert.False(queue.TryTakeDue(T0.AddSeconds(4), out _));
        Assert.Equal(T0.AddSeconds(5), queue.NextDue);
        Assert.True(queue.TryTakeDue(T0.AddSeconds(5), out var taken));
        Assert.Same(a, taken);
        Assert.Null(queue.NextDue);
    }

    [Fact]
    public void CancelledItemsNeverComeOut()
    {
        var queue = new CheckQueue<Item>();
        var a = new Item(1);
        queue.Schedule(a, T0);
        Assert.True(queue.Cancel(a));
        Assert.False(queue.Cancel(a));
        Assert.False(queue.TryTakeDue(T0.AddDays(1), out _));
        Assert.Null(queue.NextDue);
    }

    [Property]
    public Property ItemsComeOutInDueOrderEachOnceAtItsLastTime(int[] offsets, bool[] cancels)
    {
        var queue = new CheckQueue<Item>();
        var items = Enumerable.Range(0, 6).Select(i => new Item(i)).ToArray();
        var last = new Dictionary<Item, DateTimeOffset>();
        for (var i = 0; i < offsets.Length; i++)
        {
            var item = items[i % items.Length];
            var due = T0.AddSeconds(Math.Abs(offsets[i] % 1000));
            queue.Schedule(item, due);
            last[item] = due;
            if (i < cancels.Length && cancels[i])
            {
                queue.Cancel(item);
                last.Remove(item);
            }
        }

        var taken = new List<(Item Item, DateTimeOffset Due)>();
        while (queue.NextDue is { } next && queue.TryTakeDue(next, out var item))
        {
            taken.Add((item, next));
        }

        var ordered = taken.Zip(taken.Skip(1)).All(p => p.First.Due <= p.Second.Due);
        var exact = taken.Count == last.Count && taken.All(t => last[t.Item] == t.Due);
        return (ordered && exact && queue.Count == 0).Label($"taken {string.Join(",", taken.Select(t => t.Item.Id))}");
    }

    [Fact]
    public void EqualTimesComeOutInSchedulingOrder()
    {
        var queue = new CheckQueue<Item>();
        var items = Enumerable.Range(0, 5).Select(i => new Item(i)).ToArray();
        foreach (var item in items.Reverse())
        {
            queue.Schedule(item, T0);
        }

        var order = new List<int>();
        while (queue.TryTakeDue(T0, out var item))
        {
            order.Add(item.Id);
        }

        Assert.Equal([4, 3, 2, 1, 0], order);
    }
}
