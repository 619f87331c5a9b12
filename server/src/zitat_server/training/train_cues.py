"""Train the cue tagger: per sentence, BIO tags ``CUE`` and ``MSG`` (messages without a cue).

python -m zitat_server.training.train_cues --seed 1 --out server/src/zitat_server/models/cues
"""

from __future__ import annotations

from dataclasses import asdict

from zitat_server.learned.features import FeatureLexicon
from zitat_server.training.cli import load_splits, parser, write_stats
from zitat_server.training.convert import cue_examples
from zitat_server.training.tagger import TaggerConfig, train_tagger

# No sentence-position feature: it taught the model that an article's first sentence (the
# WikiNews headline) holds no cue, which is wrong for the short texts the API also gets.
CUE_FEATURES = ("lex", "konj", "quote")


def main() -> None:
    args = parser(__doc__ or "", "cues", epochs=12).parse_args()
    train, val = load_splits(args)
    lexicon = FeatureLexicon.from_language()
    config = TaggerConfig(
        "cue",
        () if args.no_features else CUE_FEATURES,
        epochs=args.epochs,
        seed=args.seed,
        threads=args.threads,
        word_vectors=str(args.vectors) if args.vectors else None,
        chars=not args.no_chars,
        hidden_size=args.hidden,
    )
    train_examples = [e for a in train for e in cue_examples(a, lexicon)]
    val_examples = [e for a in val for e in cue_examples(a, lexicon)]
    stats = train_tagger(config, train_examples, val_examples, args.out)
    lexicon.save(args.out)
    write_stats(args.out, "train", args, {"config": asdict(config), **stats})


if __name__ == "__main__":
    main()
