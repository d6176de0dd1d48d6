<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AudioPanel</name>
    <message>
        <location filename="../audio_panel.py" line="180"/>
        <source>Audio mixer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audio_panel.py" line="194"/>
        <source>Mute all microphones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audio_panel.py" line="199"/>
        <location filename="../audio_panel.py" line="219"/>
        <source>Main volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audio_panel.py" line="294"/>
        <source>You are speaking but your microphone is off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <location filename="../call_panel.py" line="101"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="137"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="158"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="159"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="171"/>
        <source>Send the tone %1 to the far end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="252"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="254"/>
        <source>Leave the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="256"/>
        <source>Join %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="273"/>
        <source>Joining: step %1 of %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="280"/>
        <source>In meeting with %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="285"/>
        <source>Calling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="287"/>
        <source>Not in a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="303"/>
        <source>Joining stopped at step %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="311"/>
        <source>waking the codec and cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="312"/>
        <source>cameras to the meeting shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="313"/>
        <source>setting the microphones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="314"/>
        <source>dialling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="315"/>
        <source>waiting for the bridge to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="316"/>
        <source>entering the meeting ID and PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="317"/>
        <source>checking that sound arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="318"/>
        <source>opening the meeting in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="325"/>
        <source>Microphones muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="325"/>
        <source>Microphones on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="337"/>
        <source>Incoming call from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="347"/>
        <source>Call quality: no data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="352"/>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="353"/>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="354"/>
        <source>poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="357"/>
        <source>Call quality: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="366"/>
        <source>sound and picture are being lost on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="367"/>
        <source>the network delivers sound unevenly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="368"/>
        <source>the connection is slow (long delay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../call_panel.py" line="372"/>
        <source>The meeting link is getting worse: %1. Ask the far end if they hear you; check the room&apos;s network cable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../camera_panel.py" line="84"/>
        <source>Camera:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="110"/>
        <source>Preset shots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="125"/>
        <source>Move (press and hold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="133"/>
        <source>Top speed for the joystick, the arrow keys and zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="135"/>
        <source>Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="136"/>
        <source>slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="138"/>
        <source>fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="145"/>
        <source>Zoom and focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="146"/>
        <source>Zoom in  +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="147"/>
        <source>Zoom out  −</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="152"/>
        <source>Auto focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="154"/>
        <source>Focus once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="155"/>
        <source>Focus now, then keep that focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="157"/>
        <source>Focus near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="158"/>
        <source>Focus far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="163"/>
        <source>Hold to focus by hand (switch Auto focus off first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="164"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="165"/>
        <source>Point the camera straight ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="167"/>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="363"/>
        <source>Power: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="363"/>
        <source>Power: standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="365"/>
        <source>The camera is on; click to put it in standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="367"/>
        <source>The camera is in standby; click to switch it on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelStrip</name>
    <message>
        <location filename="../audio_panel.py" line="110"/>
        <source>Channel {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audio_panel.py" line="117"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audio_panel.py" line="151"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audio_panel.py" line="152"/>
        <source>MUTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audio_panel.py" line="153"/>
        <source>MIC ON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Joystick</name>
    <message>
        <location filename="../joystick.py" line="61"/>
        <source>Press and hold to move the camera; drag further to go faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../joystick.py" line="62"/>
        <source>Camera movement joystick</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="45"/>
        <source>Room Console — {site}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="63"/>
        <source>Room Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="66"/>
        <source>Arrow keys move · + and − zoom · 1–9 go to a preset shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="73"/>
        <source>Training mode — the cameras are simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="109"/>
        <source>Camera pictures will appear here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="174"/>
        <source>{device} is working again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../messages.py" line="26"/>
        <source>{device} is not answering — check the VISCA cable and the camera&apos;s power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="30"/>
        <source>{device}: the serial port is missing — check that the USB adapter is plugged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="34"/>
        <source>{device} cannot be reached — check the network cable and the camera&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>{device} cannot do that right now — is it switched on and in the right mode?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="46"/>
        <source>{device} is not answering — check the cable and the device&apos;s power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="49"/>
        <source>{device}: the port is missing — check that it is plugged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>{device} cannot be reached — check the network cable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>{device} cannot be used on this computer — a program it needs is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="59"/>
        <source>{device} is sending unexpected data — check the cable and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>{device} refused the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="63"/>
        <source>{device} is busy — try again in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>{device} cannot do that in its current mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="69"/>
        <source>{device} is set up wrongly — ask a technician to check the setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="72"/>
        <source>{device} has a problem — see the event log for details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="82"/>
        <source>{device} works one way only: commands are sent but the camera&apos;s replies are not received, so its position may be shown wrongly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="93"/>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="94"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>{device}: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="107"/>
        <source>{device} is ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetGrid</name>
    <message>
        <location filename="../preset_grid.py" line="166"/>
        <source>Replace preset shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="167"/>
        <source>Replace &quot;{name}&quot; with what the camera shows now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="170"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="177"/>
        <source>Rename preset shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="178"/>
        <source>New name for this preset shot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="186"/>
        <source>Clear preset shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="187"/>
        <source>Clear &quot;{name}&quot;? The stored position will be forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="190"/>
        <location filename="../preset_grid.py" line="202"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="198"/>
        <source>Save the current shot here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="200"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="228"/>
        <source>{name}: tap to go there; hold or right-click to save, rename or clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="231"/>
        <source>Empty: hold or right-click to save the current shot here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="243"/>
        <source>On preset shot: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="245"/>
        <source>Moved off &quot;{name}&quot; — tap it to go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="249"/>
        <source>Tap a preset shot to go there; hold or right-click to save it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="257"/>
        <source>Preset {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_grid.py" line="274"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewArea</name>
    <message>
        <location filename="../preview.py" line="299"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="300"/>
        <source>Far end</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewCanvas</name>
    <message>
        <location filename="../preview.py" line="74"/>
        <source>Mic muted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <location filename="../preview.py" line="214"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="215"/>
        <location filename="../preview.py" line="245"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="216"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="217"/>
        <source>Picture stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="218"/>
        <location filename="../preview.py" line="241"/>
        <source>No signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="219"/>
        <location filename="../preview.py" line="239"/>
        <source>No picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="228"/>
        <source>This source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="230"/>
        <source>No video source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="230"/>
        <source>No preview is set up for {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="234"/>
        <source>Preview unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="235"/>
        <source>The video player (VLC) is not installed on this computer. Install VLC from videolan.org (on Debian/Ubuntu: sudo apt install vlc). Everything else works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="242"/>
        <source>Nothing arrives from {name}. Trying again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepairWindow</name>
    <message>
        <location filename="../repair.py" line="30"/>
        <source>Room Console — the room setup needs repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="32"/>
        <source>This computer has no room setup yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="34"/>
        <source>Ask a technician to create the room setup file shown below, then start the console again. To practise without cameras, start it with --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="38"/>
        <source>The room setup file cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="40"/>
        <source>The console did not change the file. Ask a technician to correct it, then start the console again. The cameras are not controlled until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="54"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="55"/>
        <source>Line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="56"/>
        <source>Field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="57"/>
        <source>Problem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="58"/>
        <source>Open the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../repair.py" line="60"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
