<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AudioPanel</name>
    <message>
        <location filename="../audio_panel.py" line="+216"/>
        <source>Audio mixer</source>
        <translation>Bàn trộn âm thanh</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mute all microphones</source>
        <translation>Tắt tất cả micro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore microphones</source>
        <translation>Khôi phục micro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the microphones back as they were before “Mute all microphones”</source>
        <translation>Đưa các micro về như trước khi bấm “Tắt tất cả micro”</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+24"/>
        <source>Main volume</source>
        <translation>Âm lượng tổng</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Channel {number}</source>
        <translation>Kênh {number}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{names}: speaking, but muted at the desk and in the meeting — the far end hears nothing</source>
        <translation>{names}: đang nói nhưng micro đang tắt ở bàn trộn và trong cuộc họp — điểm cầu bên kia không nghe thấy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open {desk} and unmute the meeting</source>
        <translation>Bật micro {desk} và trong cuộc họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{names}: speaking, but muted at the desk — the far end hears nothing</source>
        <translation>{names}: đang nói nhưng micro đang tắt ở bàn trộn — điểm cầu bên kia không nghe thấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open {desk} at the desk</source>
        <translation>Bật micro {desk} ở bàn trộn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{names}: speaking, but the room is muted in the meeting — the far end hears nothing</source>
        <translation>{names}: đang nói nhưng phòng đang tắt micro trong cuộc họp — điểm cầu bên kia không nghe thấy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unmute the room in the meeting</source>
        <translation>Bật micro của phòng trong cuộc họp</translation>
    </message>
</context>
<context>
    <name>BridgesTab</name>
    <message>
        <location filename="../settings_forms/bridges_schedule.py" line="+51"/>
        <source>Bridges (the first one is the main bridge)</source>
        <translation>Cầu chính / MCU (cầu đầu tiên được dùng mặc định)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bridges</source>
        <translation>Cầu chính</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short code (letters, digits, no spaces)</source>
        <translation>Mã ngắn (chữ không dấu, số, không khoảng trắng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How it is called</source>
        <translation>Cách gọi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address to call (sip:…, h323:…, https://… for Jitsi)</source>
        <translation>Địa chỉ gọi (sip:…, h323:…, https://… cho Jitsi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting ID typed after connecting (digits, # and ,)</source>
        <translation>Mã cuộc họp nhập sau khi kết nối (số, # và ,)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call speed in kbit/s (— = the codec&apos;s usual)</source>
        <translation>Tốc độ cuộc gọi, kbit/s (— = mặc định của đầu codec)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preset shot when joining (— = none)</source>
        <translation>Góc máy khi vào họp (— = không đổi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preset shot when leaving (— = cameras rest)</source>
        <translation>Góc máy khi rời họp (— = máy quay về chế độ nghỉ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs a PIN (kept in the computer&apos;s keyring)</source>
        <translation>Cần mã PIN (lưu trong kho mật khẩu của máy tính)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join with the microphones muted</source>
        <translation>Vào họp với micro đang tắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait before typing the meeting ID (seconds)</source>
        <translation>Chờ trước khi nhập mã cuộc họp (giây)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause for each &apos;,&apos; in the meeting ID (seconds)</source>
        <translation>Thời gian dừng cho mỗi dấu &apos;,&apos; trong mã cuộc họp (giây)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait between meeting ID and PIN (seconds)</source>
        <translation>Chờ giữa mã cuộc họp và mã PIN (giây)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own audio set-up when joining this bridge (else the mixer&apos;s)</source>
        <translation>Cài đặt âm thanh riêng khi vào cầu chính này (nếu không: theo bàn trộn)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First mute every microphone</source>
        <translation>Trước hết tắt mọi micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main output</source>
        <translation>Đường ra chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also mute channels (e.g. 4, 5)</source>
        <translation>Tắt thêm các kênh (ví dụ 4, 5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then open channels (e.g. 1)</source>
        <translation>Rồi mở các kênh (ví dụ 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Add a bridge</source>
        <translation>+ Thêm cầu chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove bridge &apos;{name}&apos;?</source>
        <translation>Xoá cầu chính &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PINs are never written into the room setup: each computer keeps its own.</source>
        <translation>Mã PIN không bao giờ được ghi vào cấu hình phòng họp: mỗi máy tính tự giữ mã của mình.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave as it is</source>
        <translation>Giữ nguyên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>Bật</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>IP address</source>
        <translation>Địa chỉ IP</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>Bridge {number}</source>
        <translation>Cầu chính {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} (main bridge)</source>
        <translation>{name} (dùng mặc định)</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <location filename="../call_panel.py" line="+130"/>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Answer</source>
        <translation>Nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keypad</source>
        <translation>Bàn phím số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tones for the bridge&apos;s voice menu</source>
        <translation>Gửi phím cho menu thoại của cầu chính</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Self-view</source>
        <translation>Hình phòng mình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show our own picture on the room&apos;s screen</source>
        <translation>Hiện hình của phòng mình trên màn hình phòng họp</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Send the tone %1 to the far end</source>
        <translation>Gửi phím %1 sang điểm cầu bên kia</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+99"/>
        <source>Leave the meeting</source>
        <translation>Rời cuộc họp</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Leave the meeting?</source>
        <translation>Rời cuộc họp?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the meeting with %1? The call ends for this room.</source>
        <translation>Rời cuộc họp với %1? Cuộc gọi của phòng này sẽ kết thúc.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stay</source>
        <translation>Ở lại</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Sent: %1</source>
        <translation>Đã gửi: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent: nothing yet</source>
        <translation>Đã gửi: chưa có phím nào</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Join %1</source>
        <translation>Tham gia %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Joining: step %1 of %2 — %3</source>
        <translation>Đang vào họp: bước %1/%2 — %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In meeting: %1 — %2</source>
        <translation>Đang họp: %1 — %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In meeting with %1 — %2</source>
        <translation>Đang họp với %1 — %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calling %1…</source>
        <translation>Đang gọi %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in a meeting</source>
        <translation>Chưa vào cuộc họp</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Joining stopped at step %1 (%2): %3</source>
        <translation>Dừng vào họp ở bước %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Microphones (not in a meeting)</source>
        <translation>Micro (chưa vào họp)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing is sent while not in a meeting; joining sets the microphones</source>
        <translation>Chưa vào họp thì không gửi âm thanh đi đâu; khi vào họp, micro được đặt theo cầu họp</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Microphones muted</source>
        <translation>Micro đang tắt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Microphones on</source>
        <translation>Micro đang bật</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The far end does not hear the room; click to open the microphones</source>
        <translation>Điểm cầu bên kia không nghe thấy phòng; bấm để bật micro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The far end hears the room; click to mute the microphones</source>
        <translation>Điểm cầu bên kia đang nghe thấy phòng; bấm để tắt micro</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Incoming call from %1</source>
        <translation>Cuộc gọi đến từ %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Call quality: no data yet</source>
        <translation>Chất lượng cuộc gọi: chưa có số liệu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>good</source>
        <translation>tốt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fair</source>
        <translation>trung bình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poor</source>
        <translation>kém</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call quality: %1</source>
        <translation>Chất lượng cuộc gọi: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>sound and picture are being lost on the way</source>
        <translation>âm thanh và hình ảnh bị mất trên đường truyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network delivers sound unevenly</source>
        <translation>âm thanh đến không đều (dao động trễ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection is slow (long delay)</source>
        <translation>đường truyền chậm (độ trễ lớn)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The meeting link is getting worse: %1. Ask the far end if they hear you; check the room&apos;s network cable.</source>
        <translation>Đường truyền cuộc họp đang kém đi: %1. Hỏi điểm cầu bên kia có nghe rõ không; kiểm tra cáp mạng của phòng.</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../camera_panel.py" line="+104"/>
        <source>Camera:</source>
        <translation>Máy quay:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Preset shots</source>
        <translation>Góc máy đặt sẵn</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Move (press and hold)</source>
        <translation>Di chuyển (nhấn giữ)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Top speed for the joystick, the arrow keys and zoom</source>
        <translation>Tốc độ tối đa của cần điều khiển, phím mũi tên và phóng to/thu nhỏ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed:</source>
        <translation>Tốc độ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>slow</source>
        <translation>chậm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fast</source>
        <translation>nhanh</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zoom and focus</source>
        <translation>Phóng to và lấy nét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in  +</source>
        <translation>Phóng to  +</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out  −</source>
        <translation>Thu nhỏ  −</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Auto focus</source>
        <translation>Tự lấy nét</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Focus once</source>
        <translation>Lấy nét 1 lần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Focus now, then keep that focus</source>
        <translation>Lấy nét ngay rồi giữ nguyên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Focus near</source>
        <translation>Lấy nét gần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Focus far</source>
        <translation>Lấy nét xa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hold to focus by hand (switch Auto focus off first)</source>
        <translation>Nhấn giữ để lấy nét bằng tay (tắt Tự lấy nét trước)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Về vị trí gốc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point the camera straight ahead</source>
        <translation>Đưa máy quay về chính diện</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Power</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location line="+211"/>
        <source>Power: on</source>
        <translation>Nguồn: bật</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Power: standby</source>
        <translation>Nguồn: chờ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The camera is on; click to put it in standby</source>
        <translation>Máy quay đang bật; bấm để chuyển sang chờ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The camera is in standby; click to switch it on</source>
        <translation>Máy quay đang ở chế độ chờ; bấm để bật</translation>
    </message>
</context>
<context>
    <name>ChannelStrip</name>
    <message>
        <location filename="../audio_panel.py" line="-285"/>
        <source>Channel {number}</source>
        <translation>Kênh {number}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Level</source>
        <translation>Mức tín hiệu</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MUTED</source>
        <translation>TẮT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIC ON</source>
        <translation>BẬT</translation>
    </message>
</context>
<context>
    <name>DeviceRow</name>
    <message>
        <location filename="../settings_forms/device_rows.py" line="+43"/>
        <source>Test connection</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera</source>
        <translation>Máy quay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixer</source>
        <translation>Bàn trộn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codec</source>
        <translation>Đầu codec</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Testing…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <location filename="../settings_forms/site_devices.py" line="+161"/>
        <source>Cameras</source>
        <translation>Máy quay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio mixer</source>
        <translation>Bàn trộn âm thanh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mixer channels the operator sees</source>
        <translation>Các kênh bàn trộn hiện cho người điều khiển</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Codec</source>
        <translation>Đầu codec</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Devices</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <location line="+19"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Short code (letters, digits, no spaces)</source>
        <translation>Mã ngắn (chữ không dấu, số, không khoảng trắng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control protocol</source>
        <translation>Giao thức điều khiển</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection (serial:COM3, visca-ip:HOST, tcp:HOST:PORT)</source>
        <translation>Kết nối (serial:COM3, visca-ip:ĐỊA_CHỈ, tcp:ĐỊA_CHỈ:CỔNG)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera address (1–7)</source>
        <translation>Địa chỉ máy quay (1–7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed to a preset shot (1–24, — = fastest)</source>
        <translation>Tốc độ chuyển tới góc máy (1–24, — = nhanh nhất)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A preset shot switches the camera on from standby without asking</source>
        <translation>Chạm góc máy thì tự bật máy quay đang chờ, không hỏi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera answers (two-way cable)</source>
        <translation>Máy quay có trả lời (cáp hai chiều)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preset shots the camera stores itself</source>
        <translation>Số góc máy máy quay tự lưu được</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera keeps preset shots itself</source>
        <translation>Máy quay tự lưu góc máy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fastest pan (1–24)</source>
        <translation>Tốc độ quay ngang tối đa (1–24)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fastest tilt (1–24)</source>
        <translation>Tốc độ quay dọc tối đa (1–24)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fastest zoom (0–7)</source>
        <translation>Tốc độ phóng to/thu nhỏ tối đa (0–7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fastest focus (0–7)</source>
        <translation>Tốc độ lấy nét tối đa (0–7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Add a camera</source>
        <translation>+ Thêm máy quay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove camera &apos;{name}&apos;?</source>
        <translation>Xoá máy quay &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixer type</source>
        <translation>Loại bàn trộn</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>Network address (IP)</source>
        <translation>Địa chỉ mạng (IP)</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Port (— = the desk&apos;s usual one)</source>
        <translation>Cổng (— = cổng thường dùng của bàn trộn)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn when someone speaks into a muted microphone</source>
        <translation>Cảnh báo khi có người nói vào micro đang tắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts as speech above (dB)</source>
        <translation>Coi là đang nói khi to hơn (dB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn after speaking for (seconds)</source>
        <translation>Cảnh báo sau khi nói được (giây)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joining: first mute every microphone</source>
        <translation>Khi vào họp: trước hết tắt mọi micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joining: main output</source>
        <translation>Khi vào họp: đường ra chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joining: also mute channels (e.g. 4, 5)</source>
        <translation>Khi vào họp: tắt thêm các kênh (ví dụ 4, 5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joining: then open channels (e.g. 1)</source>
        <translation>Khi vào họp: rồi mở các kênh (ví dụ 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaving: first mute every microphone</source>
        <translation>Khi rời họp: trước hết tắt mọi micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaving: main output</source>
        <translation>Khi rời họp: đường ra chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaving: also mute channels (e.g. 4, 5)</source>
        <translation>Khi rời họp: tắt thêm các kênh (ví dụ 4, 5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaving: then open channels (e.g. 1)</source>
        <translation>Khi rời họp: rồi mở các kênh (ví dụ 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel on the desk (1–32)</source>
        <translation>Kênh trên bàn trộn (1–32)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name shown (empty: the desk&apos;s own)</source>
        <translation>Tên hiển thị (để trống: tên trên bàn trộn)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A microphone (muted with the others)</source>
        <translation>Là micro (tắt cùng các micro khác)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Add a channel</source>
        <translation>+ Thêm kênh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove channel &apos;{name}&apos;?</source>
        <translation>Xoá kênh &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codec type</source>
        <translation>Loại đầu codec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port (— = the usual one)</source>
        <translation>Cổng (— = cổng thường dùng)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cisco login name (SSH; the password stays in this computer&apos;s keyring)</source>
        <translation>Tên đăng nhập Cisco (SSH; mật khẩu lưu trong kho mật khẩu của máy tính này)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIP user name of this room</source>
        <translation>Tên người dùng SIP của phòng họp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP port (— = baresip&apos;s usual)</source>
        <translation>Cổng SIP (— = cổng thường dùng của baresip)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a baresip already running (HOST:PORT of its ctrl_tcp)</source>
        <translation>Dùng baresip đang chạy sẵn (ĐỊA_CHỈ:CỔNG ctrl_tcp của nó)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No mixer (microphones go into the codec)</source>
        <translation>Không có bàn trộn (micro cắm thẳng vào đầu codec)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave as it is</source>
        <translation>Giữ nguyên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>Bật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>baresip on this computer</source>
        <translation>baresip trên máy tính này</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>Camera {number}</source>
        <translation>Máy quay {number}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Channel {number}</source>
        <translation>Kênh {number}</translation>
    </message>
</context>
<context>
    <name>EventLogDialog</name>
    <message>
        <location filename="../log_view.py" line="+291"/>
        <source>Event log</source>
        <translation>Nhật ký sự kiện</translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <location line="-233"/>
        <source>detail</source>
        <translation>chi tiết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>information</source>
        <translation>thông tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>cảnh báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>All devices</source>
        <translation>Tất cả thiết bị</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everything</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warnings and errors</source>
        <translation>Cảnh báo và lỗi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errors only</source>
        <translation>Chỉ lỗi</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Search the messages</source>
        <translation>Tìm trong nội dung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Device:</source>
        <translation>Thiết bị:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location line="-91"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Bộ phận</translation>
    </message>
</context>
<context>
    <name>EventWords</name>
    <message>
        <location filename="../event_words.py" line="+46"/>
        <source>far end</source>
        <translation>điểm cầu bên kia</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Preview {preview}: connecting…</source>
        <translation>Xem trước {preview}: đang kết nối…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview {preview}: playing</source>
        <translation>Xem trước {preview}: đang phát</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview {preview}: picture stalled</source>
        <translation>Xem trước {preview}: hình bị đứng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview {preview}: no signal — trying again</source>
        <translation>Xem trước {preview}: mất tín hiệu — đang thử lại</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Preview {preview}: cannot be shown</source>
        <translation>Xem trước {preview}: không hiển thị được</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Preview {preview}: stopped</source>
        <translation>Xem trước {preview}: đã dừng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{device} is working again</source>
        <translation>{device} đã hoạt động trở lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device} could not be started</source>
        <translation>Không khởi động được {device}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device} did not close cleanly</source>
        <translation>{device} không đóng hẳn được</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not every camera confirmed that it stopped</source>
        <translation>Có máy quay chưa báo đã dừng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The preset shots could not be saved</source>
        <translation>Không lưu được các góc máy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device} could not be set up</source>
        <translation>Không thiết lập được {device}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <location line="+13"/>
        <location line="+16"/>
        <source>{device} is not answering</source>
        <translation>{device} không phản hồi</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>{device}: the call ended</source>
        <translation>{device}: cuộc gọi đã kết thúc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: the microphones of the new call could not be muted</source>
        <translation>{device}: không tắt được micro cho cuộc gọi mới</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device}: the call program started</source>
        <translation>{device}: chương trình gọi đã khởi động</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: the call program stopped — restarting it</source>
        <translation>{device}: chương trình gọi bị dừng — đang khởi động lại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: the call program would not stop</source>
        <translation>{device}: chương trình gọi không chịu dừng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{device} is answering again</source>
        <translation>{device} đã phản hồi trở lại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: connection back — stopping the movement it was making</source>
        <translation>{device}: đã kết nối lại — dừng chuyển động đang dở</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device} did not confirm that it stopped</source>
        <translation>{device} chưa báo đã dừng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera connection {link} is back</source>
        <translation>Đường nối máy quay {link} đã thông trở lại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera connection {link} is lost</source>
        <translation>Mất đường nối máy quay {link}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera connection {link}: {n} camera(s) found</source>
        <translation>Đường nối máy quay {link}: tìm thấy {n} máy quay</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{channels}: someone is speaking into a microphone muted at the desk</source>
        <translation>{channels}: có người đang nói vào micro đang tắt ở bàn trộn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{channels}: someone is speaking while the room is muted in the meeting</source>
        <translation>{channels}: có người đang nói trong khi phòng đang tắt micro trong cuộc họp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{channels}: someone is speaking into a microphone muted at the desk and in the meeting</source>
        <translation>{channels}: có người đang nói vào micro đang tắt ở bàn trộn và trong cuộc họp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The operator opened the muted microphones from the warning</source>
        <translation>Người vận hành đã bật các micro đang tắt từ cảnh báo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device}: all microphones muted (on before: {channels})</source>
        <translation>{device}: đã tắt tất cả micro (trước đó đang bật: {channels})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{device}: all microphones muted again (they already were)</source>
        <translation>{device}: tắt tất cả micro lần nữa (tất cả đã tắt sẵn)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device}: no microphones to restore</source>
        <translation>{device}: không có micro nào để khôi phục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device}: microphones restored ({channels} on again)</source>
        <translation>{device}: đã khôi phục micro (bật lại {channels})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A press on the meeting button was ignored (it had just changed)</source>
        <translation>Đã bỏ qua một lần bấm nút cuộc họp (nút vừa đổi)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The operator confirmed leaving the meeting</source>
        <translation>Người vận hành đã xác nhận rời cuộc họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operator chose to stay in the meeting</source>
        <translation>Người vận hành đã chọn ở lại cuộc họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room Console closed during a meeting (confirmed)</source>
        <translation>Đã đóng Room Console khi đang họp (đã xác nhận)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room Console stays open: the meeting goes on</source>
        <translation>Room Console vẫn mở: cuộc họp tiếp tục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the meeting ({bridge})</source>
        <translation>Đã vào cuộc họp ({bridge})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Joining ({bridge}) stopped by the operator</source>
        <translation>Người vận hành đã dừng vào họp ({bridge})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Joining ({bridge}) failed while {step}</source>
        <translation>Vào họp ({bridge}) không thành công ở bước: {step}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Joining ({bridge}): the call could not be hung up after the failure</source>
        <translation>Vào họp ({bridge}): không gác máy được sau khi lỗi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Joining ({bridge}): a problem while {step}</source>
        <translation>Vào họp ({bridge}): có trục trặc ở bước: {step}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leaving the meeting: a problem while {step}</source>
        <translation>Rời cuộc họp: có trục trặc ở bước: {step}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-meeting check finished: {verdict}</source>
        <translation>Kiểm tra trước họp xong: {verdict}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check {kind} {subject}: {verdict}{finding}</source>
        <translation>Kiểm tra {kind} {subject}: {verdict}{finding}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre-meeting check stopped by the operator</source>
        <translation>Người vận hành đã dừng kiểm tra trước họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pre-meeting check could not finish</source>
        <translation>Kiểm tra trước họp không hoàn thành được</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reminder: {meeting} starts at {time}</source>
        <translation>Nhắc lịch: {meeting} bắt đầu lúc {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time for the pre-meeting check: {meeting} at {time}</source>
        <translation>Đến giờ kiểm tra trước họp: {meeting} lúc {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to join: {meeting} at {time}</source>
        <translation>Đến giờ tham gia: {meeting} lúc {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Joining automatically: {meeting} at {time}</source>
        <translation>Tự động tham gia: {meeting} lúc {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device}: preset shot {number} saved</source>
        <translation>{device}: đã lưu góc máy {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: switched on from standby for preset shot {number}</source>
        <translation>{device}: bật từ chế độ chờ để chuyển đến góc máy {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device}: stopping all movement</source>
        <translation>{device}: dừng mọi chuyển động</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: the command did not work</source>
        <translation>{device}: lệnh không thực hiện được</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: preset shot {number} could not be renamed</source>
        <translation>{device}: không đổi tên được góc máy {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Support file saved: {path}</source>
        <translation>Đã lưu tệp hỗ trợ: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The support file could not be saved: {path}</source>
        <translation>Không lưu được tệp hỗ trợ: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technician mode on — no technician PIN is set</source>
        <translation>Đã vào chế độ kỹ thuật — chưa đặt mã PIN kỹ thuật</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technician mode on</source>
        <translation>Đã vào chế độ kỹ thuật</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technician mode off</source>
        <translation>Đã rời chế độ kỹ thuật</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong technician PIN ({n} in a row)</source>
        <translation>Sai mã PIN kỹ thuật ({n} lần liên tiếp)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong technician PIN {n} times — locked for {s} s</source>
        <translation>Sai mã PIN kỹ thuật {n} lần — tạm khoá {s} giây</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room setup loaded: {path}</source>
        <translation>Đã nạp cấu hình phòng họp: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room setup saved: {path}</source>
        <translation>Đã lưu cấu hình phòng họp: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The room setup cannot be used — opening the repair window</source>
        <translation>Không dùng được cấu hình phòng họp — mở cửa sổ sửa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Technician PIN changed</source>
        <translation>Đã đổi mã PIN kỹ thuật</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technician PIN removed</source>
        <translation>Đã bỏ mã PIN kỹ thuật</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PIN of bridge {bridge} saved</source>
        <translation>Đã lưu mã PIN của cầu {bridge}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First start for this user: room setup copied to {path}</source>
        <translation>Lần đầu dùng trên máy này: đã chép cấu hình phòng họp vào {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Room setup updated to format {to}</source>
        <translation>Đã nâng cấp tệp cấu hình phòng họp lên định dạng {to}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room setup exported to {path}</source>
        <translation>Đã xuất cấu hình phòng họp ra {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room setup imported from {path}</source>
        <translation>Đã nhập cấu hình phòng họp từ {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: the connection test could not finish</source>
        <translation>{device}: không kiểm tra kết nối xong được</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The settings could not be saved: {path}</source>
        <translation>Không lưu được cài đặt: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: something unexpected went wrong</source>
        <translation>{device}: có lỗi không lường trước</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}: the picture differs from preset shot {number}</source>
        <translation>{device}: hình khác với góc máy {number}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link to {host}: {answered} of {sent} answered, delay {rtt} ms</source>
        <translation>Đường truyền tới {host}: {answered}/{sent} phản hồi, độ trễ {rtt} ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host} cannot be reached</source>
        <translation>Không kết nối được tới {host}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training mode: the call program is not installed — a simulated codec is used</source>
        <translation>Chế độ tập huấn: chưa cài chương trình gọi — dùng đầu codec mô phỏng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training mode: practice pictures are ready</source>
        <translation>Chế độ tập huấn: đã có hình tập luyện</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training mode: {n} simulated camera(s) at {at}</source>
        <translation>Chế độ tập huấn: {n} máy quay mô phỏng tại {at}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training mode: simulated {model} mixer at {at}</source>
        <translation>Chế độ tập huấn: bàn trộn {model} mô phỏng tại {at}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training mode: simulated cameras at {endpoints}</source>
        <translation>Chế độ tập huấn: máy quay mô phỏng tại {endpoints}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log file: {path}</source>
        <translation>Tệp nhật ký: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface language: {language}</source>
        <translation>Ngôn ngữ giao diện: {language}</translation>
    </message>
</context>
<context>
    <name>FieldMessages</name>
    <message>
        <location filename="../field_messages.py" line="+26"/>
        <location line="+10"/>
        <source>Fill this in</source>
        <translation>Cần điền mục này</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>At least {n} characters</source>
        <translation>Ít nhất {n} ký tự</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most {n} characters</source>
        <translation>Tối đa {n} ký tự</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most {n}</source>
        <translation>Tối đa {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least {n}</source>
        <translation>Tối thiểu {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use letters, digits, - and _ only (no spaces or accents)</source>
        <translation>Chỉ dùng chữ, số, - và _ (không dấu, không khoảng trắng)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write it as HOST:PORT, e.g. 127.0.0.1:4444</source>
        <translation>Viết dạng ĐỊA_CHỈ:CỔNG, ví dụ 127.0.0.1:4444</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use letters, digits, ., - and _ only</source>
        <translation>Chỉ dùng chữ không dấu, chữ số, dấu chấm, - và _</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address must start with rtsp://, udp://, rtp://, http(s):// or srt://</source>
        <translation>Địa chỉ phải bắt đầu bằng rtsp://, udp://, rtp://, http(s):// hoặc srt://</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the date as YYYY-MM-DD</source>
        <translation>Ghi ngày theo dạng YYYY-MM-DD (năm-tháng-ngày)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick at least one day</source>
        <translation>Chọn ít nhất một ngày</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a week of the month (with one day ticked) or a day of the month</source>
        <translation>Chọn tuần trong tháng (kèm đúng một ngày trong tuần) hoặc một ngày trong tháng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The last day is before the first day</source>
        <translation>Ngày kết thúc trước ngày bắt đầu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A one-off meeting needs its date</source>
        <translation>Cuộc họp một lần cần có ngày họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel numbers separated by commas, e.g. 1, 3</source>
        <translation>Số kênh cách nhau bằng dấu phẩy, ví dụ 1, 3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A channel is listed twice: {n}</source>
        <translation>Một kênh bị ghi hai lần: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desk has channels 1–{max}</source>
        <translation>Bàn trộn này có các kênh 1–{max}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a whole number, without quotes</source>
        <translation>Nhập một số nguyên, không đặt trong dấu ngoặc kép</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a number, without quotes</source>
        <translation>Nhập một số, không đặt trong dấu ngoặc kép</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write true or false, without quotes</source>
        <translation>Ghi true hoặc false, không đặt trong dấu ngoặc kép</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the text in quotes</source>
        <translation>Ghi chữ trong dấu ngoặc kép</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write it as {example}</source>
        <translation>Hãy ghi theo dạng {example}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown camera driver “{name}” — use one of: {known}</source>
        <translation>Không có trình điều khiển máy quay “{name}” — dùng một trong: {known}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” is not a camera driver — use one of: {known}</source>
        <translation>“{name}” không phải trình điều khiển máy quay — dùng một trong: {known}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Camera “{camera}” has the same connection and address as camera “{other}” — give each camera its own</source>
        <translation>Máy quay “{camera}” trùng kết nối và địa chỉ với máy quay “{other}” — mỗi máy quay cần kết nối hoặc địa chỉ riêng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Over the network the address is always 1 (2–7 are for cameras chained on one serial port)</source>
        <translation>Qua mạng, địa chỉ luôn là 1 (2–7 dành cho các máy quay nối chuỗi trên cùng một cổng nối tiếp)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“pty” is only for the emulator — write the camera&apos;s own port or address</source>
        <translation>“pty” chỉ dùng cho trình giả lập — hãy ghi cổng hoặc địa chỉ thật của máy quay</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The port is a number from 1 to 65535</source>
        <translation>Cổng là một số từ 1 đến 65535</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another camera already has the id “{id}”</source>
        <translation>Mã “{id}” đã được dùng cho một máy quay khác</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The id “{id}” is used twice</source>
        <translation>Mã “{id}” bị dùng hai lần</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preset {n} is listed twice</source>
        <translation>Góc máy {n} bị ghi hai lần</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the part before “@” — this address opens another server</source>
        <translation>Bỏ phần đứng trước “@” — địa chỉ này mở một máy chủ khác</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The technician PIN in the file cannot be used — set it again (roomctl pin set)</source>
        <translation>Không dùng được mã PIN kỹ thuật trong tệp — hãy đặt lại (roomctl pin set)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is empty: it has no settings</source>
        <translation>Tệp trống: chưa có thiết lập nào</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is not saved as UTF-8 text — open it and save it as UTF-8</source>
        <translation>Tệp không được lưu dạng văn bản UTF-8 — hãy mở và lưu lại dạng UTF-8</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is too large for a room setup</source>
        <translation>Tệp quá lớn đối với một tệp cấu hình phòng họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a file (a folder, a device or a pipe)</source>
        <translation>Đây không phải là tệp (mà là thư mục, thiết bị hoặc đường ống)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This line is far too long</source>
        <translation>Dòng này quá dài</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be read: {detail}</source>
        <translation>Không đọc được tệp: {detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not written as TOML: {detail}</source>
        <translation>Không đúng cú pháp TOML: {detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The console could not start with this room setup: {detail}</source>
        <translation>Chương trình không khởi động được với cấu hình phòng họp này: {detail}</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../settings_forms/fields.py" line="+117"/>
        <source>Mon</source>
        <translation>T2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>T3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>T4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>T5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>T6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>T7</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>CN</translation>
    </message>
</context>
<context>
    <name>FormSection</name>
    <message>
        <location filename="../settings_forms/sections.py" line="+134"/>
        <source>More settings</source>
        <translation>Cài đặt thêm</translation>
    </message>
</context>
<context>
    <name>HealthGraph</name>
    <message>
        <location filename="../call_panel.py" line="-417"/>
        <source>Loss, last minute</source>
        <translation>Mất gói 1 phút qua</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loss, last minute: {loss} % · jitter {jitter} ms</source>
        <translation>Mất gói 1 phút qua: {loss} % · dao động trễ {jitter} ms</translation>
    </message>
</context>
<context>
    <name>HelpResultDialog</name>
    <message>
        <location filename="../help_action.py" line="+65"/>
        <source>Request help</source>
        <translation>Gửi yêu cầu hỗ trợ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The support file is ready</source>
        <translation>Đã tạo xong tệp hỗ trợ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your technician</source>
        <translation>kỹ thuật viên phụ trách</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The support file is saved at {path}. Send it to {contact}.</source>
        <translation>Đã lưu tệp hỗ trợ tại {path}. Hãy gửi tệp này cho {contact}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The support file could not be saved</source>
        <translation>Không lưu được tệp hỗ trợ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call your technician and read them this message: {error}</source>
        <translation>Hãy gọi kỹ thuật viên và đọc cho họ thông báo này: {error}</translation>
    </message>
</context>
<context>
    <name>JoinPrompt</name>
    <message>
        <location filename="../schedule_prompts.py" line="+40"/>
        <source>Join now?</source>
        <translation>Tham gia ngay?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Join “{meeting}” now?</source>
        <translation>Tham gia “{meeting}” ngay?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The meeting starts at {time} on {bridge}.</source>
        <translation>Cuộc họp bắt đầu lúc {time} trên {bridge}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Join</source>
        <translation>Tham gia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
</context>
<context>
    <name>JoinWords</name>
    <message>
        <location filename="../join_words.py" line="+15"/>
        <source>waking the codec and cameras</source>
        <translation>đang khởi động đầu codec và máy quay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cameras to the meeting shot</source>
        <translation>đưa máy quay về góc máy họp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>setting the microphones</source>
        <translation>đang đặt micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dialling</source>
        <translation>đang gọi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for the bridge to answer</source>
        <translation>đang chờ cầu chính trả lời</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entering the meeting ID and PIN</source>
        <translation>đang nhập mã cuộc họp và mã PIN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>checking that sound arrives</source>
        <translation>đang kiểm tra âm thanh nhận về</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opening the meeting in the browser</source>
        <translation>đang mở cuộc họp trong trình duyệt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hanging up</source>
        <translation>đang gác máy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>muting the microphones</source>
        <translation>đang tắt micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cameras to rest</source>
        <translation>đưa máy quay về vị trí nghỉ</translation>
    </message>
</context>
<context>
    <name>Joystick</name>
    <message>
        <location filename="../joystick.py" line="+61"/>
        <source>Press and hold to move the camera; drag further to go faster</source>
        <translation>Nhấn giữ để di chuyển máy quay; kéo càng xa càng nhanh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera movement joystick</source>
        <translation>Cần điều khiển máy quay</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <location filename="../language_choice.py" line="+78"/>
        <source>Interface language (kept on this computer)</source>
        <translation>Ngôn ngữ giao diện (lưu trên máy tính này)</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../settings_forms/sections.py" line="+154"/>
        <location line="+57"/>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Remove &apos;{name}&apos;?</source>
        <translation>Xoá &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(Nothing is saved until you press Save)</source>
        <translation>(Chưa có gì được lưu cho đến khi bấm Lưu)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+48"/>
        <source>Room Console — {site}</source>
        <translation>Room Console — {site}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Room Console</source>
        <translation>Room Console</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arrow&#xa0;keys&#xa0;move · +&#xa0;and&#xa0;−&#xa0;zoom · 1–9&#xa0;preset&#xa0;shots</source>
        <translation>Mũi&#xa0;tên:&#xa0;di&#xa0;chuyển · +/−:&#xa0;thu&#xa0;phóng · 1–9:&#xa0;góc&#xa0;máy</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Training mode — the cameras are simulated</source>
        <translation>Chế độ tập huấn — máy quay là mô phỏng</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Camera pictures will appear here</source>
        <translation>Hình máy quay sẽ hiện ở đây</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Close Room Console?</source>
        <translation>Đóng Room Console?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This room is in a meeting. Closing Room Console may end the call, and the meeting can no longer be controlled from here.</source>
        <translation>Phòng đang trong cuộc họp. Đóng Room Console có thể làm cuộc gọi kết thúc, và không điều khiển cuộc họp từ đây được nữa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close anyway</source>
        <translation>Vẫn đóng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay in the meeting</source>
        <translation>Ở lại cuộc họp</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{device} is working again</source>
        <translation>{device} đã hoạt động trở lại</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../messages.py" line="+26"/>
        <source>{device} is not answering — check the VISCA cable and the camera&apos;s power</source>
        <translation>{device} không phản hồi — kiểm tra cáp VISCA và nguồn của máy quay</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{device}: the serial port is missing — check that the USB adapter is plugged in</source>
        <translation>{device}: không thấy cổng nối tiếp — kiểm tra bộ chuyển USB đã cắm chưa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{device} cannot be reached — check the network cable and the camera&apos;s address</source>
        <translation>{device} không kết nối được — kiểm tra cáp mạng và địa chỉ của máy quay</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{device} cannot do that right now — is it switched on and in the right mode?</source>
        <translation>{device} chưa làm được việc này — thiết bị đã bật và đúng chế độ chưa?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{device} is not answering — check the cable and the device&apos;s power</source>
        <translation>{device} không phản hồi — kiểm tra cáp và nguồn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device}: the port is missing — check that it is plugged in</source>
        <translation>{device}: không thấy cổng kết nối — kiểm tra đã cắm chưa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device} cannot be reached — check the network cable</source>
        <translation>{device} không kết nối được — kiểm tra cáp mạng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device} cannot be used on this computer — a program it needs is not installed</source>
        <translation>Không dùng được {device} trên máy này — thiếu chương trình cần thiết</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{device} is sending unexpected data — check the cable and settings</source>
        <translation>{device} gửi dữ liệu lạ — kiểm tra cáp và cấu hình</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device} refused the command</source>
        <translation>{device} từ chối lệnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{device} is busy — try again in a moment</source>
        <translation>{device} đang bận — thử lại sau giây lát</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device} cannot do that in its current mode</source>
        <translation>{device} không làm được việc này ở chế độ hiện tại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device} is set up wrongly — ask a technician to check the setup</source>
        <translation>{device} cấu hình sai — nhờ kỹ thuật viên kiểm tra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device} has a problem — see the event log for details</source>
        <translation>{device} gặp sự cố — xem chi tiết trong nhật ký sự kiện</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{device} works one way only: commands are sent but the camera&apos;s replies are not received, so its position may be shown wrongly</source>
        <translation>{device} chỉ nhận lệnh một chiều: lệnh vẫn được gửi nhưng không nhận được phản hồi, nên vị trí hiển thị có thể sai</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>connecting…</source>
        <translation>đang kết nối…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready</source>
        <translation>sẵn sàng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not available</source>
        <translation>không dùng được</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>standby</source>
        <translation>chế độ chờ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{device} is in standby (powered down) — tap a preset shot or Power to switch it on</source>
        <translation>{device} đang ở chế độ chờ (tắt nguồn) — chạm một góc máy hoặc nút Nguồn để bật</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{device}: connecting…</source>
        <translation>{device}: đang kết nối…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{device} is ready</source>
        <translation>{device} đã sẵn sàng</translation>
    </message>
</context>
<context>
    <name>ModeSwitch</name>
    <message>
        <location filename="../technician.py" line="+260"/>
        <location line="+50"/>
        <source>Technician mode</source>
        <translation>Chế độ kỹ thuật</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Technician mode (tap to leave)</source>
        <translation>Chế độ kỹ thuật (chạm để thoát)</translation>
    </message>
</context>
<context>
    <name>OffPresetBadge</name>
    <message>
        <location filename="../off_preset.py" line="+154"/>
        <source>Recall again</source>
        <translation>Về lại góc máy</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Off preset: the picture does not match &quot;{name}&quot;</source>
        <translation>Lệch góc máy: hình không khớp &quot;{name}&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After the recall the camera does not show what was saved: it may have been knocked by hand, or it did not move. Recall again to send it back.</source>
        <translation>Sau khi chuyển góc máy, hình không giống lúc lưu: có thể máy quay bị chạm tay hoặc không di chuyển. Bấm “Về lại góc máy” để đưa máy về đúng vị trí.</translation>
    </message>
</context>
<context>
    <name>OperatorDay</name>
    <message>
        <location filename="../operator_day.py" line="+146"/>
        <source>Operator&apos;s day</source>
        <translation>Việc trong ngày</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Schedule</source>
        <translation>Lịch họp</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Pre-meeting check</source>
        <translation>Kiểm tra trước họp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event log</source>
        <translation>Nhật ký sự kiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request help</source>
        <translation>Gửi yêu cầu hỗ trợ</translation>
    </message>
</context>
<context>
    <name>PerCameraTab</name>
    <message>
        <location filename="../settings_forms/presets_previews.py" line="+39"/>
        <source>Camera: {name}</source>
        <translation>Máy quay: {name}</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../technician.py" line="-234"/>
        <source>Technician mode</source>
        <translation>Chế độ kỹ thuật</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Enter the technician PIN</source>
        <translation>Nhập mã PIN kỹ thuật</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Technician mode shows the detailed event log and the technician tools.</source>
        <translation>Chế độ kỹ thuật hiện nhật ký sự kiện chi tiết và các công cụ kỹ thuật.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Set a technician PIN</source>
        <translation>Đặt mã PIN kỹ thuật</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New PIN (4–12 digits)</source>
        <translation>Mã PIN mới (4–12 chữ số)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same PIN again</source>
        <translation>Nhập lại mã PIN</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter</source>
        <translation>Vào</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No technician PIN is set yet. Set one now so that only technicians can change the room setup.</source>
        <translation>Chưa có mã PIN kỹ thuật. Hãy đặt ngay để chỉ kỹ thuật viên mới sửa được cấu hình phòng họp.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new PIN of 4 to 12 digits.</source>
        <translation>Chọn mã PIN mới gồm 4 đến 12 chữ số.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the PIN</source>
        <translation>Lưu mã PIN</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wrong PIN ({count} tries left)</source>
        <translation>Sai mã PIN (còn {count} lần thử)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Too many wrong PINs — try again in {seconds} s</source>
        <translation>Nhập sai quá nhiều lần — thử lại sau {seconds} giây</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You can try the PIN again now.</source>
        <translation>Bây giờ có thể nhập lại mã PIN.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>Mã PIN gồm 4 đến 12 chữ số.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two PINs are different — type the same PIN twice.</source>
        <translation>Hai mã PIN không giống nhau — hãy nhập cùng một mã hai lần.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The PIN could not be saved, so it is not changed: {error}</source>
        <translation>Không lưu được mã PIN nên mã PIN không thay đổi: {error}</translation>
    </message>
</context>
<context>
    <name>PinWarning</name>
    <message>
        <location filename="../pin_warning.py" line="+29"/>
        <source>⚠ No technician PIN</source>
        <translation>⚠ Chưa có mã PIN kỹ thuật</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anyone can open technician mode and change the room setup. A technician should set a PIN now (Technician mode), or when installing (roomctl pin set).</source>
        <translation>Ai cũng mở được chế độ kỹ thuật và sửa cấu hình phòng họp. Kỹ thuật viên nên đặt mã PIN ngay (Chế độ kỹ thuật) hoặc khi cài đặt (roomctl pin set).</translation>
    </message>
</context>
<context>
    <name>PrecheckCard</name>
    <message>
        <location filename="../precheck_texts.py" line="+25"/>
        <source>Pass</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in this room</source>
        <translation>Phòng không có thiết bị này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Camera</source>
        <translation>Máy quay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixer</source>
        <translation>Bàn trộn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codec</source>
        <translation>Đầu codec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link to the bridge</source>
        <translation>Đường truyền tới cầu chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk space</source>
        <translation>Dung lượng ổ đĩa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer load</source>
        <translation>Tải máy tính</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The camera does not answer</source>
        <translation>Máy quay không phản hồi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The camera did not reach the meeting shot</source>
        <translation>Máy quay không về được góc máy họp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The camera cannot report back (one-way cable)</source>
        <translation>Máy quay không báo lại được (cáp một chiều)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The mixer does not answer</source>
        <translation>Bàn trộn không phản hồi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sound from the lectern microphone</source>
        <translation>Không có tín hiệu từ micro bục phát biểu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The codec is not ready</source>
        <translation>Đầu codec chưa sẵn sàng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The codec is not registered with the server</source>
        <translation>Đầu codec chưa đăng ký được với máy chủ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration not confirmed yet</source>
        <translation>Chưa xác nhận được đăng ký</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bridge cannot be reached</source>
        <translation>Không kết nối được tới cầu chính</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The link is fair</source>
        <translation>Đường truyền trung bình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The link is poor</source>
        <translation>Đường truyền kém</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk almost full</source>
        <translation>Ổ đĩa sắp đầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk full</source>
        <translation>Ổ đĩa đã đầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The computer is busy</source>
        <translation>Máy tính đang quá tải</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped by the operator</source>
        <translation>Người vận hành đã bỏ qua</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Check the cable and the power</source>
        <translation>Kiểm tra cáp và nguồn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the meeting shot again or move the camera by hand</source>
        <translation>Lưu lại góc máy họp hoặc chỉnh máy quay bằng tay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the microphone is on and plugged in, then speak again</source>
        <translation>Kiểm tra micro đã bật và cắm chắc chưa, rồi nói lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart the codec</source>
        <translation>Khởi động lại đầu codec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call the technician</source>
        <translation>Gọi kỹ thuật viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the network cable and the router; call the provider</source>
        <translation>Kiểm tra cáp mạng và bộ định tuyến; gọi nhà mạng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop downloads and video streaming on this line</source>
        <translation>Tạm dừng tải về và xem video trên đường truyền này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free some disk space</source>
        <translation>Giải phóng dung lượng ổ đĩa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close other programs</source>
        <translation>Đóng các chương trình khác</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Please say &quot;một, hai, ba&quot; into the lectern microphone</source>
        <translation>Hãy nói &quot;một, hai, ba&quot; vào micro bục phát biểu</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>packet loss {loss} %, delay {rtt} ms, jitter {jitter} ms</source>
        <translation>mất gói {loss} %, độ trễ {rtt} ms, dao động trễ {jitter} ms</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>What to do: {advice}</source>
        <translation>Cần làm: {advice}</translation>
    </message>
    <message>
        <location filename="../precheck_card.py" line="+206"/>
        <source>Pre-meeting check</source>
        <translation>Kiểm tra trước họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the check</source>
        <translation>Bắt đầu kiểm tra</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Press Start about an hour before the meeting.</source>
        <translation>Bấm “Bắt đầu kiểm tra” khoảng một giờ trước khi họp.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Stop the check</source>
        <translation>Dừng kiểm tra</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The check was stopped.</source>
        <translation>Đã dừng kiểm tra.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check stopped — press Check again to restart</source>
        <translation>Đã dừng kiểm tra — bấm “Kiểm tra lại” để chạy lại</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The check could not finish.</source>
        <translation>Không kiểm tra xong được.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The check could not finish — call the technician</source>
        <translation>Không kiểm tra xong được — gọi kỹ thuật viên</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finished at {time}.</source>
        <translation>Xong lúc {time}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Checking: {what}…</source>
        <translation>Đang kiểm tra: {what}…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>✔ Everything is ready for the meeting</source>
        <translation>✔ Mọi thứ đã sẵn sàng cho cuộc họp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>! Ready, with warnings — read the lines marked !</source>
        <translation>! Sẵn sàng nhưng có cảnh báo — xem các dòng có dấu !</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✖ Not ready — follow the advice on the red lines</source>
        <translation>✖ Chưa sẵn sàng — làm theo hướng dẫn ở dòng đỏ</translation>
    </message>
</context>
<context>
    <name>PrecheckDialog</name>
    <message>
        <location line="+35"/>
        <source>Pre-meeting check</source>
        <translation>Kiểm tra trước họp</translation>
    </message>
</context>
<context>
    <name>PresetGrid</name>
    <message>
        <location filename="../preset_grid.py" line="+185"/>
        <source>Camera in standby</source>
        <translation>Máy quay đang chờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{camera} is in standby. Switch it on and go to &quot;{name}&quot;?</source>
        <translation>{camera} đang ở chế độ chờ. Bật máy quay và chuyển đến “{name}”?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switch on and go</source>
        <translation>Bật và chuyển góc</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Replace preset shot</source>
        <translation>Thay góc máy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace &quot;{name}&quot; with what the camera shows now?</source>
        <translation>Thay &quot;{name}&quot; bằng hình máy quay đang thấy?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace</source>
        <translation>Thay</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename preset shot</source>
        <translation>Đổi tên góc máy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name for this preset shot:</source>
        <translation>Tên mới cho góc máy này:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clear preset shot</source>
        <translation>Xoá góc máy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear &quot;{name}&quot;? The stored position will be forgotten.</source>
        <translation>Xoá &quot;{name}&quot;? Vị trí đã lưu sẽ bị xoá.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>Clear</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Save the current shot here</source>
        <translation>Lưu góc máy hiện tại vào đây</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Empty</source>
        <translation>Trống</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name}: tap to go there; hold or right-click to save, rename or clear</source>
        <translation>{name}: chạm để chuyển tới; nhấn giữ hoặc bấm chuột phải để lưu, đổi tên hoặc xoá</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty: hold or right-click to save the current shot here</source>
        <translation>Trống: nhấn giữ hoặc bấm chuột phải để lưu góc máy hiện tại vào đây</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>On preset shot: {name}</source>
        <translation>Đang ở góc máy: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moved off &quot;{name}&quot; — tap it to go back</source>
        <translation>Đã rời góc máy &quot;{name}&quot; — chạm vào để quay lại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tap a preset shot to go there; hold or right-click to save it</source>
        <translation>Chạm vào góc máy để chuyển tới; nhấn giữ hoặc bấm chuột phải để lưu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preset {number}</source>
        <translation>Góc máy {number}</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+145"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>PresetsTab</name>
    <message>
        <location filename="../settings_forms/presets_previews.py" line="+17"/>
        <source>Presets</source>
        <translation>Góc máy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number in the camera (0–255)</source>
        <translation>Số trong máy quay (0–255)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name shown on the button</source>
        <translation>Tên hiện trên nút</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picture</source>
        <translation>Hình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Add a preset shot</source>
        <translation>+ Thêm góc máy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove preset shot &apos;{name}&apos;?</source>
        <translation>Xoá góc máy &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Positions and pictures are saved from the camera panel (hold a preset button).</source>
        <translation>Vị trí và hình của góc máy được lưu từ bảng điều khiển máy quay (nhấn giữ nút góc máy).</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+4"/>
        <source>Preset {number}</source>
        <translation>Góc máy {number}</translation>
    </message>
</context>
<context>
    <name>PreviewArea</name>
    <message>
        <location filename="../preview.py" line="+365"/>
        <source>Camera</source>
        <translation>Máy quay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Far end</source>
        <translation>Điểm cầu bên kia</translation>
    </message>
</context>
<context>
    <name>PreviewCanvas</name>
    <message>
        <location line="-290"/>
        <source>Mic muted</source>
        <translation>Micro tắt</translation>
    </message>
</context>
<context>
    <name>PreviewPeek</name>
    <message>
        <location filename="../preview_peek.py" line="+49"/>
        <source>No picture yet</source>
        <translation>Chưa có hình</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <location filename="../preview.py" line="+199"/>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Live</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picture stalled</source>
        <translation>Hình bị đứng</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>No signal</source>
        <translation>Mất tín hiệu</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+20"/>
        <source>No picture</source>
        <translation>Không có hình</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>This source</source>
        <translation>Nguồn hình này</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No video source</source>
        <translation>Chưa có nguồn hình</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No preview is set up for {name}.</source>
        <translation>Chưa cài đặt xem trước cho {name}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview unavailable</source>
        <translation>Không xem trước được</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The video player (VLC) is not installed on this computer. Install VLC from videolan.org (on Debian/Ubuntu: sudo apt install vlc). Everything else works.</source>
        <translation>Máy này chưa cài trình phát video VLC. Hãy cài VLC từ videolan.org (trên Debian/Ubuntu: sudo apt install vlc). Các chức năng khác vẫn dùng được.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing arrives from {name}. Trying again…</source>
        <translation>Không nhận được hình từ {name}. Đang thử lại…</translation>
    </message>
</context>
<context>
    <name>PreviewsTab</name>
    <message>
        <location filename="../settings_forms/presets_previews.py" line="+8"/>
        <source>Previews</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>Picture address (rtsp://, udp://, http:// …; empty: none)</source>
        <translation>Địa chỉ hình (rtsp://, udp://, http:// …; để trống: không có)</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>Buffer in ms (— = 35; more is smoother, later)</source>
        <translation>Bộ đệm, ms (— = 35; lớn hơn thì mượt hơn nhưng trễ hơn)</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>RTSP over TCP (through firewalls)</source>
        <translation>RTSP qua TCP (đi qua được tường lửa)</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>Decoder</source>
        <translation>Bộ giải mã</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Automatic (libVLC, PyAV when libVLC cannot)</source>
        <translation>Tự động (libVLC, dùng PyAV khi libVLC không mở được)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Incoming picture (far end / bridge)</source>
        <translation>Hình nhận về (điểm cầu bên kia / cầu chính)</translation>
    </message>
</context>
<context>
    <name>RepairWindow</name>
    <message>
        <location filename="../repair.py" line="+31"/>
        <source>Room Console — the room setup needs repair</source>
        <translation>Room Console — cấu hình phòng họp cần sửa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer has no room setup yet</source>
        <translation>Máy này chưa có cấu hình phòng họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask a technician to create the room setup file shown below, then start the console again. To practise without cameras, start it with --demo.</source>
        <translation>Nhờ kỹ thuật viên tạo tệp cấu hình phòng họp ở đường dẫn bên dưới, rồi mở lại chương trình. Muốn tập khi không có máy quay, hãy mở với --demo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The room setup file cannot be used</source>
        <translation>Không dùng được tệp cấu hình phòng họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The console did not change the file. Ask a technician to correct it, then start the console again. The cameras are not controlled until then.</source>
        <translation>Chương trình không sửa tệp này. Nhờ kỹ thuật viên sửa lại rồi mở lại chương trình. Trong lúc chờ, máy quay không được điều khiển.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line:</source>
        <translation>Dòng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field:</source>
        <translation>Mục:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem:</source>
        <translation>Lỗi:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ScheduleBanner</name>
    <message>
        <location filename="../schedule_prompts.py" line="+101"/>
        <source>OK</source>
        <translation>Đã biết</translation>
    </message>
</context>
<context>
    <name>SchedulePrompts</name>
    <message>
        <location line="-45"/>
        <source>Joining “{meeting}” automatically.</source>
        <translation>Đang tự động tham gia “{meeting}”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{meeting}” starts at {time} — in {minutes} minutes.</source>
        <translation>“{meeting}” bắt đầu lúc {time} — còn {minutes} phút nữa.</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <location filename="../settings_forms/bridges_schedule.py" line="+46"/>
        <source>Meetings</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Schedule</source>
        <translation>Lịch họp</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bridge</source>
        <translation>Cầu chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeats</source>
        <translation>Lặp lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts at</source>
        <translation>Bắt đầu lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On these days</source>
        <translation>Vào các ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date (one-off), or first day (YYYY-MM-DD)</source>
        <translation>Ngày họp (họp một lần) hoặc ngày bắt đầu (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Defaults for every meeting</source>
        <translation>Mặc định cho mọi cuộc họp</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Which week of the month (tick one day above)</source>
        <translation>Tuần thứ mấy trong tháng (đánh dấu một ngày ở trên)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or: day of the month (31 = the last day)</source>
        <translation>Hoặc: ngày trong tháng (31 = ngày cuối tháng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day (YYYY-MM-DD, empty: no end)</source>
        <translation>Ngày cuối (YYYY-MM-DD, để trống: không kết thúc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lasts, minutes</source>
        <translation>Kéo dài, phút</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join by itself</source>
        <translation>Tự vào họp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder, minutes before (— = usual)</source>
        <translation>Nhắc lịch trước bao nhiêu phút (— = mặc định)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-meeting check, minutes before (— = usual)</source>
        <translation>Kiểm tra trước họp, trước bao nhiêu phút (— = mặc định)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join prompt, minutes before (— = usual)</source>
        <translation>Nhắc vào họp trước bao nhiêu phút (— = mặc định)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Add a meeting</source>
        <translation>+ Thêm cuộc họp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove meeting &apos;{name}&apos;?</source>
        <translation>Xoá cuộc họp &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder, minutes before</source>
        <translation>Nhắc lịch trước bao nhiêu phút</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-meeting check, minutes before</source>
        <translation>Kiểm tra trước họp, trước bao nhiêu phút</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join prompt, minutes before</source>
        <translation>Nhắc vào họp trước bao nhiêu phút</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still offer to join, minutes after the start</source>
        <translation>Vẫn mời vào họp đến bao nhiêu phút sau giờ bắt đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join meetings by itself (unless a meeting says no)</source>
        <translation>Tự vào họp (trừ cuộc họp chọn không)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins by itself, minutes before</source>
        <translation>Tự vào họp trước bao nhiêu phút</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every week</source>
        <translation>Hằng tuần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Once</source>
        <translation>Một lần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every month</source>
        <translation>Hằng tháng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First</source>
        <translation>Tuần đầu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Second</source>
        <translation>Tuần thứ hai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Third</source>
        <translation>Tuần thứ ba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fourth</source>
        <translation>Tuần thứ tư</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fifth</source>
        <translation>Tuần thứ năm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last</source>
        <translation>Tuần cuối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— (by day of the month)</source>
        <translation>— (theo ngày trong tháng)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As the schedule says</source>
        <translation>Theo cài đặt chung của lịch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>Meeting {number}</source>
        <translation>Cuộc họp {number}</translation>
    </message>
</context>
<context>
    <name>SettingsEditor</name>
    <message>
        <location filename="../settings_editor.py" line="+153"/>
        <source>Settings — room setup</source>
        <translation>Cài đặt — cấu hình phòng họp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Devices</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Nhập…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../settings_forms/status_text.py" line="+16"/>
        <source>✔ OK — the settings are valid</source>
        <translation>✔ Cấu hình hợp lệ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line}</source>
        <translation>dòng {line}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>field {field}</source>
        <translation>mục {field}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✖ Error in {place}: {message}</source>
        <translation>✖ Lỗi ở {place}: {message}</translation>
    </message>
    <message>
        <location filename="../settings_editor.py" line="+46"/>
        <source>Correct the error first to test the devices.</source>
        <translation>Hãy sửa lỗi trước rồi mới kiểm tra thiết bị.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This room setup names no cameras, mixer or codec.</source>
        <translation>Cấu hình phòng họp này chưa có máy quay, bàn trộn hay đầu codec.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test each device before saving.</source>
        <translation>Hãy kiểm tra từng thiết bị trước khi lưu.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Not saved: {reason}</source>
        <translation>Chưa lưu: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The file was changed since you opened it (for example a preset was saved). Press Save again to replace it; the other version is kept as {backup}.</source>
        <translation>Tệp đã bị thay đổi từ lúc bạn mở (ví dụ vừa lưu một góc máy). Bấm Lưu lần nữa để ghi đè; bản kia được giữ lại ở {backup}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settings saved. Close and start Room Console again to use the changed devices.</source>
        <translation>Đã lưu cài đặt. Đóng rồi mở lại Room Console để dùng thiết bị đã thay đổi.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not imported: {error}</source>
        <translation>Chưa nhập được: {error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported {file}. Check it, then press Save.</source>
        <translation>Đã nhập {file}. Kiểm tra lại rồi bấm Lưu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not exported: {reason}</source>
        <translation>Chưa xuất được: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported to {file} (PIN hash and passwords removed).</source>
        <translation>Đã xuất ra {file} (đã bỏ mã PIN và mật khẩu).</translation>
    </message>
    <message>
        <location filename="../settings_forms/file_dialogs.py" line="+17"/>
        <source>Import a room setup file</source>
        <translation>Nhập tệp cấu hình phòng họp</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Room setup files (*.toml)</source>
        <translation>Tệp cấu hình phòng họp (*.toml)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export the room setup file</source>
        <translation>Xuất tệp cấu hình phòng họp</translation>
    </message>
    <message>
        <location filename="../settings_editor.py" line="+83"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>SiteTab</name>
    <message>
        <location filename="../settings_forms/site_devices.py" line="-220"/>
        <source>This site</source>
        <translation>Điểm cầu này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-meeting check</source>
        <translation>Kiểm tra trước họp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name of the site (shown in the title bar)</source>
        <translation>Tên điểm cầu (hiện trên thanh tiêu đề)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who helps when something breaks (name, phone)</source>
        <translation>Người hỗ trợ khi có sự cố (tên, số điện thoại)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface language of this site</source>
        <translation>Ngôn ngữ giao diện của điểm cầu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mixer channel of the lectern microphone (— = none)</source>
        <translation>Kênh bàn trộn của micro bục phát biểu (— = không có)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP echo port of the bridge (— = none)</source>
        <translation>Cổng UDP echo của cầu chính (— = không có)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the network is measured (seconds)</source>
        <translation>Thời gian đo đường truyền (giây)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The language chosen on a computer (the selector at the top of the main window) wins over the site&apos;s language.</source>
        <translation>Ngôn ngữ chọn trên từng máy tính (ô chọn ở đầu cửa sổ chính) được ưu tiên hơn ngôn ngữ của điểm cầu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not set (Vietnamese)</source>
        <translation>Chưa chọn (Tiếng Việt)</translation>
    </message>
</context>
<context>
    <name>TextTab</name>
    <message>
        <location filename="../settings_forms/text_tab.py" line="+90"/>
        <source>Text (advanced)</source>
        <translation>Văn bản (nâng cao)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demo: changes are not saved to a file</source>
        <translation>Chế độ tập huấn: thay đổi không được lưu vào tệp</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line {line}</source>
        <translation>Dòng {line}</translation>
    </message>
</context>
</TS>
