"""A tiny multi-speaker Coqui VITS model for tests (about 260k parameters, 1 MB, built in ~2 s).

It speaks noise, not words, but it is a real Coqui model: loading, speaker selection, sentence
splitting and synthesis all run Coqui's own code. Characters are its tokens (no espeak needed).
"""

from __future__ import annotations

import json
from pathlib import Path

#: the VCTK speakers cast in voices/coqui-vctk.yaml, so that profile renders with the tiny model
VCTK_SPEAKERS = ("p225", "p226", "p228", "p229", "p232", "p243")
VCTK_ZOO = "tts_models/en/vctk/vits"


def build_tiny_vits(out: Path, speakers: tuple[str, ...] = VCTK_SPEAKERS, *, zoo_layout: bool = False,
                    seed: int = 0) -> tuple[Path, Path]:
    """Write ``model.pth`` and ``config.json`` into ``out``; return their paths.

    ``zoo_layout`` lays the files out as Coqui's zoo VCTK model does: ``model_file.pth`` and the
    speaker names in ``speaker_ids.json``, named in the config by a path from the machine it was
    trained on (Coqui rewrites it when it loads the model by name)."""
    import torch
    from TTS.tts.configs.shared_configs import CharactersConfig
    from TTS.tts.configs.vits_config import VitsArgs, VitsConfig
    from TTS.tts.models.vits import Vits

    torch.manual_seed(seed)
    out.mkdir(parents=True, exist_ok=True)
    args = VitsArgs(
        hidden_channels=16, hidden_channels_ffn_text_encoder=32, num_heads_text_encoder=2,
        num_layers_text_encoder=1, kernel_size_text_encoder=3, resblock_type_decoder="2",
        resblock_kernel_sizes_decoder=[3], resblock_dilation_sizes_decoder=[[1, 3]],
        upsample_rates_decoder=[8, 8, 4], upsample_initial_channel_decoder=32,
        upsample_kernel_sizes_decoder=[16, 16, 8], num_layers_flow=1, num_layers_posterior_encoder=1,
        dropout_p_duration_predictor=0.0, use_sdp=False, init_discriminator=False,
        use_speaker_embedding=True, speaker_embedding_channels=8,
    )
    characters = CharactersConfig(
        characters_class="TTS.tts.models.vits.VitsCharacters", pad="_", eos="", bos="", blank=None,
        characters="abcdefghijklmnopqrstuvwxyz ", punctuations="!'(),-.:;? ", phonemes=None,
    )
    config = VitsConfig(model_args=args, use_phonemes=False, text_cleaner="english_cleaners",
                        characters=characters, use_speaker_embedding=True, speakers=list(speakers))
    config.audio.sample_rate = 22050
    model = Vits(config)
    model_path = out / ("model_file.pth" if zoo_layout else "model.pth")
    torch.save({"model": model.state_dict()}, model_path)
    config_path = out / "config.json"
    config.save_json(str(config_path))
    if zoo_layout:
        (out / "speaker_ids.json").write_text(json.dumps({s: i for i, s in enumerate(speakers)}))
        data = json.loads(config_path.read_text())
        data["speakers"] = []
        data["speakers_file"] = data["model_args"]["speakers_file"] = "/home/trainer/vctk/speaker_ids.json"
        config_path.write_text(json.dumps(data, indent=2))
    return model_path, config_path


def place_as_zoo_model(tts_home: Path, name: str = VCTK_ZOO) -> Path:
    """Put a tiny model where Coqui's cache keeps the zoo model ``name`` under ``$TTS_HOME``."""
    folder = tts_home / "tts" / name.replace("/", "--")
    build_tiny_vits(folder, zoo_layout=True)
    return folder
