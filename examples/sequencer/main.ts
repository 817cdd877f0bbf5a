// Video editing with the sequencer: a colour strip, then a picture, joined by a transition
// (cross, gamma cross or wipe), with a title on top — rendered to an H.264 video (MP4 or MKV).
//
//   npx bpyts run examples/sequencer/main.ts --input \
//     '{"image": "docs/img/dataviz-bars.png", "output": "out/clip.mp4", "title": "Sales"}'
//
// Timeline (frames, 1-based, end inclusive):
//   channel 1  colour strip       1 … colourFrames
//   channel 2  image strip        colourFrames-overlap+1 … total
//   channel 3  transition         over the `overlap` frames where both play
//   channel 4  text strip         1 … total
import * as bpy from "bpy";
import { input, setResult } from "bpyts/runtime";

type RGB = [number, number, number];

interface Edit {
  image: string;
  output: string;
  width?: number;
  height?: number;
  fps?: number;
  /** Frames of the colour strip and of the picture, and how many of them overlap. */
  colourFrames?: number;
  imageFrames?: number;
  overlap?: number;
  colour?: RGB;
  title?: string;
  transition?: "CROSS" | "GAMMA_CROSS" | "WIPE";
  container?: "MPEG4" | "MKV";
}

const edit = input<Edit>();
const fps = edit.fps ?? 24;
const colourFrames = edit.colourFrames ?? 36;
const imageFrames = edit.imageFrames ?? 36;
const overlap = edit.overlap ?? 12;
const total = colourFrames + imageFrames - overlap;

const scene = bpy.context.scene;
scene.render.resolution_x = edit.width ?? 320;
scene.render.resolution_y = edit.height ?? 240;
scene.render.resolution_percentage = 100;
scene.render.fps = fps;
scene.render.fps_base = 1;
scene.frame_start = 1;
scene.frame_end = total;

// Blender 5.0 renamed sequences to strips: `SequenceEditor.sequences` is `strips`, the
// ColorSequence/TextSequence types are ColorStrip/TextStrip, `new_effect` takes a `length` and
// `input1`/`input2` instead of `frame_end` and `seq1`/`seq2`, and a text strip's `align_y` is
// `anchor_y`. The typings of one Blender declare only its own names, so this one source reaches
// the strips through the small typed views below (named after what they hold, not a version).
const v5 = bpy.app.version[0] >= 5;

/** A strip, as much of it as this example uses. */
class StripView {
  name = "";
  type = "";
  channel = 0;
  frame_final_start = 0;
  frame_final_end = 0;
  frame_final_duration = 0;
}
class ColourStripView {
  color: RGB = [0, 0, 0];
}
class TextStripView {
  text = "";
  font_size = 0;
  location: [number, number] = [0, 0];
  align_y = "BOTTOM"; // before 5.0
  anchor_y = "BOTTOM"; // 5.0 and later
  use_shadow = false;
}
class StripsView {
  new_effect(
    name: string,
    type: string,
    channel: number,
    frame_start: number,
    options: bpy.KwArgs<{
      frame_end?: number;
      length?: number;
      seq1?: StripView;
      seq2?: StripView;
      input1?: StripView;
      input2?: StripView;
    }>,
  ): StripView {
    throw new Error("a view, not an implementation");
  }
  new_image(
    name: string,
    filepath: string,
    channel: number,
    frame_start: number,
    options: bpy.KwArgs<{ fit_method?: string }>,
  ): StripView {
    throw new Error("a view, not an implementation");
  }
}
type Strips = StripsView & bpy.types.bpy_prop_collection<StripView>;
class EditorView {
  sequences: Strips | null = null; // before 5.0
  strips: Strips | null = null; // 5.0 and later
}

const editor = scene.sequence_editor_create() as unknown as EditorView | null;
if (editor === null) throw new Error("no sequence editor");
const strips = v5 ? editor.strips : editor.sequences;
if (strips === null) throw new Error("no strips collection");

/** An effect strip from `start` up to (not including) frame `end`, on `channel`. */
function effect(
  name: string,
  type: string,
  channel: number,
  start: number,
  end: number,
  inputs: StripView[] = [],
): StripView {
  if (v5)
    return strips!.new_effect(name, type, channel, start, {
      length: end - start,
      input1: inputs[0],
      input2: inputs[1],
    });
  return strips!.new_effect(name, type, channel, start, {
    frame_end: end,
    seq1: inputs[0],
    seq2: inputs[1],
  });
}

// Effect strips end before `end`: a strip from 1 to 37 lasts 36 frames.
const colour = effect("Colour", "COLOR", 1, 1, colourFrames + 1);
(colour as unknown as ColourStripView).color = edit.colour ?? [0.8, 0.1, 0.1];

const imageStart = colourFrames - overlap + 1;
const picture = strips.new_image("Picture", edit.image, 2, imageStart, { fit_method: "FIT" });
picture.frame_final_duration = imageFrames;

const transition = effect(
  "Transition",
  edit.transition ?? "CROSS",
  3,
  imageStart,
  colourFrames + 1,
  [colour, picture],
);

const title = effect("Title", "TEXT", 4, 1, total + 1) as unknown as TextStripView;
title.text = edit.title ?? "bpyts";
title.font_size = Math.round(scene.render.resolution_y / 8);
title.location = [0.5, 0.08];
if (v5) title.anchor_y = "BOTTOM";
else title.align_y = "BOTTOM";
title.use_shadow = true;

// H.264 in an MP4 (or Matroska) container.
const image = scene.render.image_settings;
// 5.0 split the output kind from the format: FFMPEG is a file format only once the media type
// is VIDEO (before, it was one more file format).
class MediaTypeView {
  media_type = "IMAGE";
}
if (v5) (image as unknown as MediaTypeView).media_type = "VIDEO";
image.file_format = "FFMPEG";
const ffmpeg = scene.render.ffmpeg;
ffmpeg.format = edit.container ?? "MPEG4";
ffmpeg.codec = "H264";
ffmpeg.constant_rate_factor = "MEDIUM";
ffmpeg.ffmpeg_preset = "REALTIME";
ffmpeg.audio_codec = "NONE";
scene.render.filepath = edit.output;
scene.render.use_file_extension = false;

bpy.ops.render.render({ animation: true });

const timeline = [...strips].map((s) => ({
  name: s.name,
  type: s.type,
  channel: s.channel,
  start: s.frame_final_start,
  end: s.frame_final_end,
}));
console.log(`${total} frames at ${fps} fps → ${edit.output}`);
for (const s of timeline)
  console.log(`  ch${s.channel} ${s.type} "${s.name}" ${s.start}…${s.end - 1}`);
setResult({ frames: total, fps, transition: transition.type, timeline });
