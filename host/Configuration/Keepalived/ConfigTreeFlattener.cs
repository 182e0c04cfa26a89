using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration.Keepalived;

/// <summary>
/// Turns parsed statements into the shared configuration tree (see <see cref="ClusterConfiguration"/>), recording
/// the file and line of every path it produces.
/// </summary>
internal static class ConfigTreeFlattener
{
    /// <summary>Adds <paramref name="nodes"/> to <paramref name="tree"/> at the top level.</summary>
    public static void Flatten(IReadOnlyList<ConfigNode> nodes, ConfigTree tree) => Flatten(nodes, "", "the top level", tree);

    private static void Flatten(IReadOnlyList<ConfigNode> nodes, string prefix, string context, ConfigTree tree)
    {
        foreach (var group in nodes.GroupBy(n => n.Keyword, StringComparer.OrdinalIgnoreCase))
        {
            var first = group.First();
            if (!IsUsableKey(first, context, tree))
            {
                continue;
            }

            var path = prefix.Length == 0 ? first.Keyword : $"{prefix}:{first.Keyword}";
            var blocks = group.Where(n => n.IsBlock).ToList();
            var values = group.Where(n => !n.IsBlock).ToList();
            if (blocks.Count > 0)
            {
                foreach (var value in values)
                {
                    tree.Error(value.Location, $"'{value.Keyword}' is used both as a value and as a block in {context}");
                }

                if (blocks.All(ListBlocks.IsList))
                {
                    AddList(blocks, path, tree);
                }
                else
                {
                    AddBlocks(blocks, path, tree);
                }
            }
            else
            {
                AddValue(values, path, context, tree);
            }
        }
    }

    private static bool IsUsableKey(ConfigNode node, string context, ConfigTree tree)
    {
        if (node.Keyword.Length == 0)
        {
            tree.Error(node.Location, $"empty keyword in {context}");
            return false;
        }

        if (node.Keyword.Contains(':'))
        {
            tree.Error(node.Location, $"keyword '{node.Keyword}' in {context} cannot contain ':'");
            return false;
        }

        return true;
    }

    private static void AddValue(List<ConfigNode> values, string path, string context, ConfigTree tree)
    {
        foreach (var repeated in values.Skip(1))
        {
            tree.Warning(repeated.Location, $"duplicate '{repeated.Keyword}' in {context}, the last one is used");
        }

        var last = values[^1];
        tree.Set(path, last.Args.Count == 0 ? "true" : last.ArgText, last.Location);
    }

    private static void AddList(List<ConfigNode> blocks, string path, ConfigTree tree)
    {
        MarkBlock(path, blocks[0], tree);
        var index = 0;
        foreach (var block in blocks)
        {
            AddItems(block, path, ref index, tree);
        }
    }

    private static void AddItems(ConfigNode block, string path, ref int index, ConfigTree tree)
    {
        foreach (var item in block.Children!)
        {
            if (item.IsBlock)
            {
                tree.Error(item.Location, $"unexpected block '{item.Keyword}' in list {block.Title}");
                continue;
            }

            tree.Set($"{path}:{index++}", item.Args.Count == 0 ? item.Keyword : $"{item.Keyword} {item.ArgText}", item.Location);
        }
    }

    private static void AddBlocks(List<ConfigNode> blocks, string path, ConfigTree tree)
    {
        MarkBlock(path, blocks[0], tree);
        if (blocks is [{ Args.Count: 0 } single])
        {
            Flatten(single.Children!, path, single.Title, tree);
            return;
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var element = $"{path}:{i}";
            MarkBlock(element, block, tree);
            if (block.Args.Count > 0)
            {
                if (block.Children!.Any(c => string.Equals(c.Keyword, "name", StringComparison.OrdinalIgnoreCase)))
                {
                    tree.Error(block.Location, $"'name' inside {block.Title} clashes with the block's name");
                }

                tree.Set($"{element}:name", block.ArgText, block.Location);
            }

            if (ListBlocks.IsNamedList(block))
            {
                var members = $"{element}:{ListBlocks.MembersKey}";
                tree.Mark(members, block.Location);
                var index = 0;
                AddItems(block, members, ref index, tree);
                continue;
            }

            Flatten(block.Children!.Where(c => block.Args.Count == 0 || !string.Equals(c.Keyword, "name", StringComparison.OrdinalIgnoreCase)).ToList(), element, block.Title, tree);
        }
    }

    /// <summary>
    /// Remembers where a block starts; an empty one still gets its key (with no value) so that validators see that
    /// it was written, as JSON's <c>{}</c> and <c>[]</c> do.
    /// </summary>
    private static void MarkBlock(string path, ConfigNode block, ConfigTree tree)
    {
        tree.Mark(path, block.Location);
        if (block.Children!.Count == 0 && block.Args.Count == 0)
        {
            tree.Data.TryAdd(path, null);
        }
    }
}
