using System.Globalization;

namespace OpsBot.Functions.Slack.Blocks;

/// <summary>Slack's documented Block Kit size limits, and safe truncation to them.</summary>
public static class BlockKitLimits
{
    /// <summary>Blocks in one message.</summary>
    public const int Blocks = 50;

    /// <summary>Characters of a section's text.</summary>
    public const int SectionText = 3000;

    /// <summary>Fields in a section.</summary>
    public const int SectionFields = 10;

    /// <summary>Characters of one section field.</summary>
    public const int FieldText = 2000;

    /// <summary>Characters of a header's plain text.</summary>
    public const int HeaderText = 150;

    /// <summary>Elements in a context block.</summary>
    public const int ContextElements = 10;

    /// <summary>Characters of one context text (Slack allows the section limit; kept short on purpose).</summary>
    public const int ContextText = 3000;

    /// <summary>Characters of a button's label.</summary>
    public const int ButtonText = 75;

    /// <summary>Characters of a button's value.</summary>
    public const int ButtonValue = 2000;

    /// <summary>Characters of an <c>action_id</c> or <c>block_id</c>.</summary>
    public const int ActionId = 255;

    /// <summary>Characters of a confirm dialog's title.</summary>
    public const int ConfirmTitle = 100;

    /// <summary>Characters of a confirm dialog's text.</summary>
    public const int ConfirmText = 300;

    /// <summary>Characters of a confirm dialog's button labels.</summary>
    public const int ConfirmButton = 30;

    /// <summary>Characters of the top-level fallback <c>text</c> used for notifications (Slack truncates past 40,000; kept short).</summary>
    public const int FallbackText = 3000;

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> characters (UTF-16 code units),
    /// ending with an ellipsis when cut, never splitting a surrogate pair or combined character.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var keep = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var end = enumerator.ElementIndex + enumerator.GetTextElement().Length;
            if (end > max - 1)
            {
                break;
            }

            keep = end;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
