"""Train the role tagger: for one anchor (cue or cue-less message) in a window of sentences,
BIO tags ``MSG``, ``SRC`` and ``ADR``.

    python -m zitat_server.training.train_roles --seed 1 --out server/src/zitat_server/models/roles
"""

from __future__ import annotations

from dataclasses import asdict

from zitat_server.learned.features import FeatureLexicon
from zitat_server.training.cli import load_splits, parser, write_stats
from zitat_server.training.convert import role_examples
from zitat_server.training.tagger import TaggerConfig, train_tagger

ROLE_FEATURES = ("anc", "rel", "lex", "konj", "quote")
BASE_FEATURES = ("anc", "rel")  # the anchor must stay visible even in the ablation


def main() -> None:
    args = parser(__doc__ or "", "roles", epochs=8).parse_args()
    train, val = load_splits(args)
    lexicon = FeatureLexicon.from_language()
    config = TaggerConfig(
        "role",
        BASE_FEATURES if args.no_features else ROLE_FEATURES,
        epochs=args.epochs,
        seed=args.seed,
        threads=args.threads,
        word_vectors=str(args.vectors) if args.vectors else None,
        chars=not args.no_chars,
        hidden_size=args.hidden,
    )
    train_examples = [e for a in train for e in role_examples(a, lexicon)]
    val_examples = [e for a in val for e in role_examples(a, lexicon)]
    stats = train_tagger(config, train_examples, val_examples, args.out)
    lexicon.save(args.out)
    write_stats(args.out, "train", args, {"config": asdict(config), **stats})


if __name__ == "__main__":
    main()
