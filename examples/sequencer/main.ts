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

const editor = scene.sequence_editor_create();
if (editor === null) throw new Error("no sequence editor");
const strips = editor.sequences;

// new_effect's frame_end is exclusive: a strip from 1 with frame_end 37 lasts 36 frames.
const colour = strips.new_effect("Colour", "COLOR", 1, 1, {
  frame_end: colourFrames + 1,
}) as bpy.types.ColorSequence;
colour.color = edit.colour ?? [0.8, 0.1, 0.1];

const imageStart = colourFrames - overlap + 1;
const picture = strips.new_image("Picture", edit.image, 2, imageStart, { fit_method: "FIT" });
picture.frame_final_duration = imageFrames;

const transition = strips.new_effect("Transition", edit.transition ?? "CROSS", 3, imageStart, {
  frame_end: colourFrames + 1,
  seq1: colour,
  seq2: picture,
});

const title = strips.new_effect("Title", "TEXT", 4, 1, {
  frame_end: total + 1,
}) as bpy.types.TextSequence;
title.text = edit.title ?? "bpyts";
title.font_size = Math.round(scene.render.resolution_y / 8);
title.location = [0.5, 0.08];
title.align_y = "BOTTOM";
title.use_shadow = true;

// H.264 in an MP4 (or Matroska) container.
const image = scene.render.image_settings;
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
